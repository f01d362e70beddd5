package dev.weft.instrumentation.springwebmvc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

class SpringRoutesTest {

  @Test
  void dispatcherAtTheDefaultMappingAddsTheContextPathOnly() {
    // mapped at "/": the servlet path is the whole path, and there is no path info
    assertEquals(
        "/petclinic/owners/{ownerId}",
        SpringRoutes.route("/petclinic", "/owners/42", null, "/owners/{ownerId}"));
  }

  @Test
  void rootContextKeepsThePatternItself() {
    String pattern = "/owners/{ownerId}/pets/new";
    assertSame(
        pattern,
        SpringRoutes.route("", "/owners/42/pets/new", null, pattern),
        "nothing to allocate");
  }

  @Test
  void dispatcherAtAPrefixAddsItsServletPath() {
    assertEquals(
        "/petclinic/api/owners/{ownerId}",
        SpringRoutes.route("/petclinic", "/api", "/owners/42", "/owners/{ownerId}"));
    assertEquals(
        "/api/owners/{ownerId}", SpringRoutes.route("", "/api", "/owners/42", "/owners/{ownerId}"));
  }

  @Test
  void dispatcherAtSlashStarHasAnEmptyServletPath() {
    assertEquals("/shop/items", SpringRoutes.route("/shop", "", "/items", "/items"));
  }

  @Test
  void resourceHandlerPatterns() {
    assertEquals("/petclinic/**", SpringRoutes.route("/petclinic", "/css/site.css", null, "/**"));
    assertEquals(
        "/petclinic/webjars/**",
        SpringRoutes.route("/petclinic", "/webjars/demo/1.0/demo.js", null, "/webjars/**"));
  }

  @Test
  void patternWithoutLeadingSlashGetsOne() {
    assertEquals("/shop/owners", SpringRoutes.route("/shop", "/owners", null, "owners"));
    assertEquals("/shop/", SpringRoutes.route("/shop", "/", null, ""));
    assertEquals("/", SpringRoutes.route("", "/", null, ""));
  }
}
