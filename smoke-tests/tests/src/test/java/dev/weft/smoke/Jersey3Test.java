package dev.weft.smoke;

/**
 * Jersey 3.1 (jakarta.ws.rs) on Tomcat 10.1, context path {@code /shop}, {@code @ApplicationPath("/api")}: routes
 * are {@code /shop/api/...}; a request no resource matches keeps the servlet mapping's route.
 */
class Jersey3Test extends JaxrsTest {

  @Override
  String jarProperty() {
    return "weft.jersey3.jar";
  }

  @Override
  String base() {
    return "/shop/api";
  }

  @Override
  String notFoundRoute() {
    return "/shop/api/*";
  }
}
