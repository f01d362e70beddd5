package dev.weft.smoke.log4j;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.file.Files;
import org.apache.catalina.Context;
import org.apache.catalina.startup.Tomcat;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Embedded Tomcat, context path {@code /shop}: {@code /log?request=N} logs {@code handled request N} through both
 * of log4j2.xml's loggers (on the logging thread, and through an Async appender). It logs {@code started} before
 * it serves, outside any span.
 */
public final class Log4jApp {

  private static final Logger SYNC = LogManager.getLogger("sync");
  private static final Logger ASYNC = LogManager.getLogger("async");

  private Log4jApp() {}

  public static void main(String[] args) throws Exception {
    Tomcat tomcat = new Tomcat();
    tomcat.setBaseDir(Files.createTempDirectory("tomcat").toString());
    tomcat.setPort(0);
    Context context = tomcat.addContext("/shop", null);
    Tomcat.addServlet(
        context,
        "log",
        new HttpServlet() {
          @Override
          protected void doGet(HttpServletRequest request, HttpServletResponse response)
              throws IOException {
            logBoth("handled request " + request.getParameter("request"));
            response.getWriter().write("logged");
          }
        });
    context.addServletMappingDecoded("/log", "log");
    tomcat.getConnector();
    tomcat.start();
    logBoth("started");
    System.out.println("READY " + tomcat.getConnector().getLocalPort());
    tomcat.getServer().await();
  }

  private static void logBoth(String message) {
    SYNC.info(message);
    ASYNC.info(message);
  }
}
