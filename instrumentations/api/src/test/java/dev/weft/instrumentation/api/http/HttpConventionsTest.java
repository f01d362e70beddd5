package dev.weft.instrumentation.api.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class HttpConventionsTest {

  @Test
  void wellKnownMethodsAreKeptAndOthersBecomeOther() {
    assertEquals("GET", HttpConventions.requestMethod("GET"));
    assertEquals("PATCH", HttpConventions.requestMethod("PATCH"));
    assertEquals("_OTHER", HttpConventions.requestMethod("get"));
    assertEquals("_OTHER", HttpConventions.requestMethod("PROPFIND"));
    assertEquals("_OTHER", HttpConventions.requestMethod(null));
  }

  @Test
  void spanNameIsTheMethodOrHttpForUnknownMethods() {
    assertEquals("POST", HttpConventions.spanName("POST"));
    assertEquals("HTTP", HttpConventions.spanName("_OTHER"));
  }

  @Test
  void protocolVersionFollowsTheConventions() {
    assertEquals("1.1", HttpConventions.protocolVersion("HTTP/1.1"));
    assertEquals("1.0", HttpConventions.protocolVersion("HTTP/1.0"));
    assertEquals("2", HttpConventions.protocolVersion("HTTP/2.0"));
    assertEquals("3", HttpConventions.protocolVersion("HTTP/3"));
    assertEquals("0.9", HttpConventions.protocolVersion("HTTP/0.9"));
    assertNull(HttpConventions.protocolVersion("garbage"));
    assertNull(HttpConventions.protocolVersion(null));
  }
}
