package dev.weft.smoke.apps;

import jakarta.servlet.http.HttpServlet;
import java.io.IOException;
import java.nio.file.Files;
import org.apache.catalina.Context;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.Wrapper;
import org.apache.catalina.startup.Tomcat;

/**
 * The embedded Tomcat the applications of this module serve with: one context, a port the system picks, and
 * {@code READY <port>} on stdout once it serves, which the smoke tests wait for.
 */
final class EmbeddedTomcat {

  private final Tomcat tomcat = new Tomcat();
  final Context context;

  /** A server with the context {@code contextPath} ("" for the root context). */
  EmbeddedTomcat(String contextPath) throws IOException {
    tomcat.setBaseDir(Files.createTempDirectory("tomcat").toString());
    tomcat.setPort(0);
    context = tomcat.addContext(contextPath, null);
  }

  /** Maps {@code servlet} to {@code pattern} in the context; its wrapper, for more settings. */
  Wrapper add(String pattern, HttpServlet servlet) {
    String name = pattern + "-servlet";
    Wrapper wrapper = Tomcat.addServlet(context, name, servlet);
    context.addServletMappingDecoded(pattern, name);
    return wrapper;
  }

  /** Starts serving, says {@code READY <port>}, and serves until the JVM stops. */
  void serve() throws LifecycleException {
    tomcat.getConnector();
    tomcat.start();
    System.out.println("READY " + tomcat.getConnector().getLocalPort());
    tomcat.getServer().await();
  }
}
