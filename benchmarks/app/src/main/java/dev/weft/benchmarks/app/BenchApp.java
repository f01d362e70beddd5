package dev.weft.benchmarks.app;

import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.servlet.ServletContextHandler;
import org.eclipse.jetty.servlet.ServletHolder;

/**
 * The servlet application the benchmarks load: embedded Jetty 10 (javax.servlet) on the port given as the only
 * argument, serving {@code /hello} and {@code /chain}. Prints {@code READY <port>} once it accepts requests, and
 * answers {@link AllocationProbe} questions on stdin.
 */
public final class BenchApp {

  private BenchApp() {}

  public static void main(String[] args) throws Exception {
    int port = Integer.parseInt(args[0]);
    Server server = new Server(port);
    ServletContextHandler context = new ServletContextHandler();
    context.setContextPath("/");
    context.addServlet(new ServletHolder(new HelloServlet()), "/hello");
    context.addServlet(new ServletHolder(new ChainServlet(port)), "/chain");
    server.setHandler(context);
    server.start();
    AllocationProbe.answerOnStdin();
    System.out.println("READY " + port);
    server.join();
  }
}
