package dev.weft.demo;

import jakarta.servlet.http.HttpServlet;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.apache.catalina.Context;
import org.apache.catalina.startup.Tomcat;

/** Starting the demo's other services as JVMs of their own, and serving a servlet on embedded Tomcat. */
final class Services {

  private Services() {}

  /** A service in another JVM: its stdout, after the {@code READY <port>} line, is its report. */
  static final class Service implements AutoCloseable {
    private final Process process;
    private final BufferedReader output;
    private final int port;

    private Service(Process process) throws IOException {
      this.process = process;
      this.output =
          new BufferedReader(
              new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
      String ready = nextLine();
      if (ready == null || !ready.startsWith("READY ")) {
        throw new IllegalStateException("a demo service did not start: " + ready);
      }
      this.port = Integer.parseInt(ready.substring("READY ".length()).trim());
    }

    int port() {
      return port;
    }

    String nextLine() throws IOException {
      return output.readLine();
    }

    /** Stops it as an orchestrator would (SIGTERM): its agent flushes its spans on the way out. */
    @Override
    public void close() throws InterruptedException {
      process.toHandle().destroy();
      process.waitFor();
    }
  }

  /** {@code weft-demo-<name>} with the same java, JVM options (the agent, its settings) and jar as this one. */
  static Service start(String name, String... arguments) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElse("java"));
    command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
    command.add("-Dotel.service.name=weft-demo-" + name);
    command.add("-jar");
    command.add(
        new File(DemoApp.class.getProtectionDomain().getCodeSource().getLocation().toURI())
            .getPath());
    command.add(name);
    command.addAll(List.of(arguments));
    return new Service(
        new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start());
  }

  /** The main of a service started by {@link #start}. */
  static void runAsService(String[] args) throws Exception {
    switch (args[0]) {
      case "names":
        System.out.println("READY " + serve("/names/*", new Names()));
        break; // Tomcat's threads keep this JVM up until it is stopped
      case "mailer":
        new Mailer(args[1]).run();
        break;
      default:
        throw new IllegalArgumentException("no demo service " + args[0]);
    }
  }

  /** Starts Tomcat on a free port with one servlet, and returns the port. */
  static int serve(String mapping, HttpServlet servlet) throws Exception {
    Tomcat tomcat = new Tomcat();
    tomcat.setBaseDir(Files.createTempDirectory("weft-demo").toString());
    tomcat.setPort(0);
    Context context = tomcat.addContext("", null);
    Tomcat.addServlet(context, "servlet", servlet);
    context.addServletMappingDecoded(mapping, "servlet");
    tomcat.getConnector();
    tomcat.start();
    return tomcat.getConnector().getLocalPort();
  }
}
