package dev.weft.smoke;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.opentelemetry.proto.trace.v1.Status;
import org.junit.jupiter.api.Test;

/** Tomcat 10.1, jakarta.servlet 6.0, under the context path {@code /shop}. */
class TomcatServletTest extends ServletContainerTest {

  @Override
  String appName() {
    return "TomcatApp";
  }

  @Override
  String contextPath() {
    return "/shop";
  }

  @Test
  void forwardAddsNoSecondServerSpan() throws Exception {
    String query = uniqueQuery();
    assertEquals("hello", get("/forward", query, "traceparent", TRACEPARENT).body());

    ReceivedSpan span = onlyServerSpan(query);
    assertEquals("GET /shop/forward", span.name());
    assertEquals(TRACE_ID, span.traceId());
  }

  @Test
  void serverErrorStatusMarksTheSpanAsError() throws Exception {
    String query = uniqueQuery();
    assertEquals(503, get("/unavailable", query).statusCode());

    ReceivedSpan span = serverSpan(query);
    assertEquals(Status.StatusCode.STATUS_CODE_ERROR, span.status());
    assertEquals("503", span.attribute("error.type"));
    assertEquals(503L, span.attribute("http.response.status_code"));
  }

  @Test
  void asyncTimeoutEndsTheSpanAsError() throws Exception {
    String query = uniqueQuery();
    get("/async-timeout", query);

    ReceivedSpan span = serverSpan(query);
    assertEquals(Status.StatusCode.STATUS_CODE_ERROR, span.status());
    assertEquals("timeout", span.attribute("error.type"));
    assertTrue(
        span.durationMillis() >= 200, "ends at the timeout: " + span.durationMillis() + " ms");
  }

  @Test
  void serviceNameDefaultsToTheMainClass() throws Exception {
    String query = uniqueQuery();
    get("/hello", query);
    assertEquals("TomcatApp", serverSpan(query).resource().get("service.name"));
  }

  @Test
  void applicationKeepsItsOwnVersionsOfTheAgentsLibraries() throws Exception {
    String query = uniqueQuery();
    String report = get("/libraries", query).body();

    assertTrue(report.contains("okhttp=200 okhttp/3.14.9"), report);
    assertTrue(report.contains("protobuf=weft"), report);
    assertTrue(report.contains("bytebuddy=dev.weft.smoke.apps.Generated"), report);
    assertTrue(report.contains("loaded-from=okhttp-3.14.9.jar"), report);
    assertTrue(report.contains("loaded-from=protobuf-java-3.25.5.jar"), report);
    assertTrue(report.contains("loaded-from=byte-buddy-1.14.19.jar"), report);
    assertTrue(report.contains("loaded-from=opentelemetry-api-1.30.1.jar"), report);
    assertTrue(
        report.contains("otel-api=recording"),
        "the application's API is bridged to the agent's SDK: " + report);
    assertTrue(report.contains("agent-sdk-visible=false"), report);
    assertTrue(report.contains("agent-internals-visible=false"), report);
    assertEquals("GET /shop/libraries", serverSpan(query).name());
  }
}
