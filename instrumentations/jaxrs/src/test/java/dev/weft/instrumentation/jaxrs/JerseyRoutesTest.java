package dev.weft.instrumentation.jaxrs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import java.net.URI;
import org.glassfish.jersey.internal.MapPropertiesDelegate;
import org.glassfish.jersey.server.ApplicationHandler;
import org.glassfish.jersey.server.ContainerRequest;
import org.glassfish.jersey.server.ExtendedUriInfo;
import org.glassfish.jersey.server.ResourceConfig;
import org.junit.jupiter.api.Test;

/**
 * Routes worked out from what a real Jersey application's routing matched: requests are routed in memory, and a
 * filter that runs right after matching asks {@link JerseyRoutes} for the route, as the advice does.
 */
class JerseyRoutesTest {

  private static final String ROUTE = "weft.test.route";

  private final ApplicationHandler application =
      new ApplicationHandler(new ResourceConfig(Orders.class, AskForRoute.class));

  @Path("/orders")
  public static class Orders {
    @GET
    public String list() {
      return "orders";
    }

    @GET
    @Path("{id}")
    public String order() {
      return "order";
    }

    @Path("{id}/items")
    public Items items() {
      return new Items();
    }
  }

  public static class Items {
    @GET
    @Path("{itemId}")
    public String item() {
      return "item";
    }
  }

  public static class AskForRoute implements ContainerRequestFilter {
    @Override
    public void filter(ContainerRequestContext request) {
      ExtendedUriInfo uriInfo = (ExtendedUriInfo) request.getUriInfo();
      request.setProperty(ROUTE, JerseyRoutes.route(uriInfo, uriInfo.getMatchedResourceMethod()));
    }
  }

  private String route(String basePath, String path) throws Exception {
    URI base = URI.create("http://localhost" + basePath);
    ContainerRequest request =
        new ContainerRequest(
            base,
            base.resolve(path),
            "GET",
            null,
            new MapPropertiesDelegate(),
            application.getConfiguration());
    application.apply(request).get();
    return (String) request.getProperty(ROUTE);
  }

  @Test
  void rootResourceMethodRouteIsWorkedOutOnce() throws Exception {
    String first = route("/shop/api/", "orders/42");
    assertEquals("/shop/api/orders/{id}", first);
    assertSame(
        first, route("/shop/api/", "orders/43"), "the second request reuses the first one's route");
  }

  @Test
  void classPathAlone() throws Exception {
    assertEquals("/shop/api/orders", route("/shop/api/", "orders"));
  }

  @Test
  void anotherBasePathGivesAnotherRoute() throws Exception {
    assertEquals("/a/orders/{id}", route("/a/", "orders/1"));
    assertEquals("/b/orders/{id}", route("/b/", "orders/1"));
    assertEquals("/orders/{id}", route("/", "orders/1"));
  }

  @Test
  void subResourceLocatorRoute() throws Exception {
    assertEquals("/shop/api/orders/{id}/items/{itemId}", route("/shop/api/", "orders/42/items/7"));
    assertEquals("/shop/api/orders/{id}/items/{itemId}", route("/shop/api/", "orders/43/items/8"));
  }
}
