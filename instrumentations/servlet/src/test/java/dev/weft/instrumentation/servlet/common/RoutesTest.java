package dev.weft.instrumentation.servlet.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class RoutesTest {

  @Test
  void mappingRoutesCarryTheContextPath() {
    assertEquals("/shop/hello", Routes.fromMapping("/shop", "EXACT", "/hello"));
    assertEquals("/hello", Routes.fromMapping("", "EXACT", "/hello"));
    assertEquals("/shop/users/*", Routes.fromMapping("/shop", "PATH", "/users/*"));
    assertEquals("/shop/*.jsp", Routes.fromMapping("/shop", "EXTENSION", "*.jsp"));
    assertEquals("/shop/", Routes.fromMapping("/shop", "CONTEXT_ROOT", ""));
    assertEquals("/", Routes.fromMapping("", "CONTEXT_ROOT", ""));
  }

  @Test
  void mappingsOfTheWholeContextGiveNoRoute() {
    assertNull(Routes.fromMapping("/shop", "DEFAULT", "/"));
    assertNull(Routes.fromMapping("/shop", "PATH", "/*"));
    assertNull(Routes.fromMapping("", "PATH", "/*"));
  }

  @Test
  void unknownMappingGivesNoRoute() {
    assertNull(Routes.fromMapping("/shop", null, "/x"));
    assertNull(Routes.fromMapping("/shop", "SOMETHING_NEW", "/x"));
  }

  @Test
  void servletPathRoutesForServlet3() {
    assertEquals("/shop/hello", Routes.fromServletPath("/shop", "/hello", null));
    assertEquals("/shop/users/*", Routes.fromServletPath("/shop", "/users", "/42"));
    assertNull(Routes.fromServletPath("", "", "/anything"));
    assertNull(Routes.fromServletPath("", "", null));
  }
}
