package dev.weft.instrumentation.jaxrs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class RouteTemplatesTest {

  @Test
  void contextServletClassAndMethodPaths() {
    assertEquals(
        "/shop/api/orders/{id}", RouteTemplates.join("/shop/api/", List.of("/orders", "/{id}")));
  }

  @Test
  void classPathAlone() {
    assertEquals("/shop/api/orders", RouteTemplates.join("/shop/api/", List.of("/orders")));
  }

  @Test
  void applicationAtTheRootOfTheRootContext() {
    assertEquals("/orders/{id}", RouteTemplates.join("/", List.of("/orders", "/{id}")));
  }

  @Test
  void slashesAreNeitherDoubledNorLeftTrailing() {
    assertEquals(
        "/api/orders/{id}/items", RouteTemplates.join("/api/", List.of("/orders/", "{id}/items/")));
    assertEquals("/api/orders", RouteTemplates.join("/api", List.of("orders")));
  }

  @Test
  void emptyAndRootTemplatesAddNothing() {
    assertEquals("/api/health", RouteTemplates.join("/api/", List.of("/", "/health", "")));
    assertEquals("/", RouteTemplates.join("/", List.of("/")));
    assertEquals("/", RouteTemplates.join("", List.of()));
  }

  @Test
  void subResourceLocatorTemplatesFollowTheLocators() {
    // Jersey matches a sub-resource with an empty root template before its method's
    assertEquals(
        "/shop/api/orders/{id}/items/{itemId}",
        RouteTemplates.join("/shop/api/", List.of("/orders", "/{id}/items", "", "/{itemId}")));
  }

  @Test
  void regularExpressionsStayAsWritten() {
    assertEquals(
        "/orders/{id: [0-9]+}", RouteTemplates.join("/", List.of("/orders", "/{id: [0-9]+}")));
  }

  @Test
  void encodedBasePathStaysEncoded() {
    assertEquals("/my%20shop/orders", RouteTemplates.join("/my%20shop/", List.of("/orders")));
  }
}
