package dev.weft.smoke;

/**
 * Jersey 2 (javax.ws.rs) on Jetty 10, its servlet at {@code /*} of the root context: routes come from Jersey alone,
 * and a request no resource matches has none.
 */
class Jersey2Test extends JaxrsTest {

  @Override
  String jarProperty() {
    return "weft.jersey2.jar";
  }

  @Override
  String base() {
    return "";
  }

  @Override
  String notFoundRoute() {
    return null;
  }
}
