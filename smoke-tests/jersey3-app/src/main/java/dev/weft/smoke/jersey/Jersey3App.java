package dev.weft.smoke.jersey;

import jakarta.ws.rs.ApplicationPath;
import java.nio.file.Files;
import java.util.Set;
import org.apache.catalina.Context;
import org.apache.catalina.startup.Tomcat;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.servlet.init.JerseyServletContainerInitializer;

/**
 * Jersey 3.1 (jakarta.ws.rs) on embedded Tomcat 10.1, context path {@code /shop}, the application at
 * {@code @ApplicationPath("/api")}: Jersey's own servlet container initializer maps its servlet at {@code /api/*},
 * as in a deployed war. The resources are {@link OrdersResource}'s.
 */
public final class Jersey3App {

  private Jersey3App() {}

  /** The JAX-RS application. */
  @ApplicationPath("/api")
  public static final class ShopApplication extends ResourceConfig {
    public ShopApplication() {
      register(OrdersResource.class);
      register(OutOfStockMapper.class);
      register(DenyFilter.class);
    }
  }

  public static void main(String[] args) throws Exception {
    Tomcat tomcat = new Tomcat();
    tomcat.setBaseDir(Files.createTempDirectory("tomcat").toString());
    tomcat.setPort(0);
    Context context = tomcat.addContext("/shop", null);
    context.addServletContainerInitializer(
        new JerseyServletContainerInitializer(), Set.of(ShopApplication.class));
    tomcat.getConnector();
    tomcat.start();
    System.out.println("READY " + tomcat.getConnector().getLocalPort());
    tomcat.getServer().await();
  }
}
