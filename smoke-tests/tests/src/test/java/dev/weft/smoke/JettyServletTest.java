package dev.weft.smoke;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** Jetty 10, javax.servlet 4.0, the root context. */
class JettyServletTest extends ServletContainerTest {

  @Override
  String appName() {
    return "JettyApp";
  }

  @Override
  String contextPath() {
    return "";
  }

  /**
   * Jetty's default servlet answers what no other servlet maps (embedded Tomcat answers such a 404 before any
   * filter runs, so there is no span at all).
   */
  @Test
  void pathNoServletMapsHasNoRoute() throws Exception {
    String query = uniqueQuery();
    assertEquals(404, get("/no/such/page", query).statusCode());

    ReceivedSpan span = serverSpan(query);
    assertEquals("GET", span.name(), "the default servlet identifies no handler");
    assertNull(span.attribute("http.route"));
    assertEquals(404L, span.attribute("http.response.status_code"));
  }
}
