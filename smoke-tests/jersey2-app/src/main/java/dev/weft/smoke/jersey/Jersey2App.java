package dev.weft.smoke.jersey;

import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.servlet.ServletContextHandler;
import org.eclipse.jetty.servlet.ServletHolder;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.servlet.ServletContainer;

/**
 * Jersey 2 (javax.ws.rs) on embedded Jetty 10 (javax.servlet 4.0): Jersey's servlet at {@code /*} of the root
 * context, so that the servlet mapping names no route and only Jersey's do. The resources are
 * {@link OrdersResource}'s.
 */
public final class Jersey2App {

  private Jersey2App() {}

  public static void main(String[] args) throws Exception {
    ResourceConfig application =
        new ResourceConfig(OrdersResource.class, OutOfStockMapper.class, DenyFilter.class);
    Server server = new Server(0);
    ServletContextHandler context = new ServletContextHandler();
    context.setContextPath("/");
    context.addServlet(new ServletHolder(new ServletContainer(application)), "/*");
    server.setHandler(context);
    server.start();
    System.out.println("READY " + ((ServerConnector) server.getConnectors()[0]).getLocalPort());
    server.join();
  }
}
