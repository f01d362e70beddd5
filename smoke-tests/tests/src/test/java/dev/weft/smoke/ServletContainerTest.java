package dev.weft.smoke;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.proto.trace.v1.Status;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What every servlet container must show under the agent. Each request carries a unique query string, by which
 * the test finds its span among all the application exported.
 */
abstract class ServletContainerTest extends ServerAppTest {

  static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
  static final String PARENT_SPAN_ID = "00f067aa0ba902b7";
  static final String TRACEPARENT = "00-" + TRACE_ID + "-" + PARENT_SPAN_ID + "-01";

  /** The application's simple class name in {@code dev.weft.smoke.apps}. */
  abstract String appName();

  /** The servlet context path the application deploys under ("" for the root context). */
  abstract String contextPath();

  @Override
  AppProcess.Builder application() {
    return AppProcess.app(appName());
  }

  @Override
  void sendAnyRequest(String query) throws Exception {
    get("/hello", query);
  }

  HttpResponse<String> get(String path, String query, String... headers) throws Exception {
    return Http.get(port, contextPath() + path + "?" + query, headers);
  }

  @Test
  void serverSpanContinuesTheIncomingTrace() throws Exception {
    String query = uniqueQuery();
    HttpResponse<String> response =
        get("/hello", query, "traceparent", TRACEPARENT, "User-Agent", "smoke/1.0");
    assertEquals(200, response.statusCode());

    ReceivedSpan span = onlyServerSpan(query);
    assertEquals("GET " + contextPath() + "/hello", span.name());
    assertEquals(TRACE_ID, span.traceId());
    assertEquals(PARENT_SPAN_ID, span.parentSpanId());
    assertEquals(Status.StatusCode.STATUS_CODE_UNSET, span.status());
    assertEquals("GET", span.attribute("http.request.method"));
    assertEquals("http", span.attribute("url.scheme"));
    assertEquals(contextPath() + "/hello", span.attribute("url.path"));
    assertEquals(contextPath() + "/hello", span.attribute("http.route"));
    assertEquals("127.0.0.1", span.attribute("server.address"));
    assertEquals((long) port, span.attribute("server.port"));
    assertEquals("127.0.0.1", span.attribute("client.address"));
    assertEquals("smoke/1.0", span.attribute("user_agent.original"));
    assertEquals("1.1", span.attribute("network.protocol.version"));
    assertEquals(200L, span.attribute("http.response.status_code"));
  }

  @Test
  void pathMappingGivesItsRoute() throws Exception {
    String query = uniqueQuery();
    assertEquals(200, get("/users/42", query).statusCode());

    ReceivedSpan span = serverSpan(query);
    assertEquals("GET " + contextPath() + "/users/*", span.name());
    assertEquals(contextPath() + "/users/*", span.attribute("http.route"));
    assertEquals(contextPath() + "/users/42", span.attribute("url.path"));
    assertTrue(span.parentSpanId().isEmpty(), "no incoming context: a new trace");
  }

  @Test
  void exceptionMarksTheSpanAsError() throws Exception {
    String query = uniqueQuery();
    assertEquals(500, get("/fail", query).statusCode());

    ReceivedSpan span = onlyServerSpan(query);
    assertEquals(Status.StatusCode.STATUS_CODE_ERROR, span.status());
    assertEquals(500L, span.attribute("http.response.status_code"));
    assertEquals("java.lang.IllegalStateException", span.attribute("error.type"));
    Span.Event event = span.span().getEventsList().get(0);
    assertEquals("exception", event.getName());
    assertTrue(
        event.getAttributesList().stream()
            .anyMatch(
                a ->
                    a.getKey().equals("exception.message")
                        && a.getValue().getStringValue().equals("boom")));
  }

  @Test
  void asyncRequestEndsWhenItsAsyncWorkCompletes() throws Exception {
    String query = uniqueQuery();
    HttpResponse<String> response = get("/async", query, "traceparent", TRACEPARENT);
    assertEquals("late hello", response.body());

    ReceivedSpan span = onlyServerSpan(query);
    assertEquals(TRACE_ID, span.traceId());
    assertEquals(200L, span.attribute("http.response.status_code"));
    assertTrue(
        span.durationMillis() >= 300,
        "the span covers the async work (300 ms), not only service(): "
            + span.durationMillis()
            + " ms");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "garbage",
        "00-00000000000000000000000000000000-00f067aa0ba902b7-01",
        "00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01",
        "ff-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
        "00-4BF92F3577B34DA6A3CE929D0E0E4736-00F067AA0BA902B7-01",
        "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7",
        "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-"
      })
  void malformedTraceparentStartsANewTrace(String traceparent) throws Exception {
    String query = uniqueQuery();
    assertEquals(
        200, get("/hello", query, "traceparent", traceparent, "tracestate", "a=1").statusCode());

    ReceivedSpan span = serverSpan(query);
    assertTrue(span.parentSpanId().isEmpty(), "a root span: " + span);
    assertNotEquals(TRACE_ID, span.traceId());
    assertNotEquals("00000000000000000000000000000000", span.traceId());
  }

  @Test
  void hugeHeadersStartANewTrace() throws Exception {
    String query = uniqueQuery();
    String huge = "0".repeat(2000);
    assertEquals(
        200,
        get(
                "/hello",
                query,
                "traceparent",
                TRACEPARENT + huge,
                "tracestate",
                huge,
                "baggage",
                "k=" + huge)
            .statusCode());

    ReceivedSpan span = serverSpan(query);
    assertTrue(span.parentSpanId().isEmpty(), "a root span: " + span);
  }

  @Test
  void repeatedTraceparentHeadersStartANewTrace() throws Exception {
    String query = uniqueQuery();
    assertEquals(
        200,
        get(
                "/hello",
                query,
                "traceparent",
                TRACEPARENT,
                "traceparent",
                "00-11111111111111111111111111111111-2222222222222222-01")
            .statusCode());

    ReceivedSpan span = serverSpan(query);
    assertTrue(span.parentSpanId().isEmpty(), "two traceparents are invalid together: " + span);
  }

  @Test
  void repeatedTracestateHeadersAreJoined() throws Exception {
    String query = uniqueQuery();
    assertEquals(
        200,
        get("/hello", query, "traceparent", TRACEPARENT, "tracestate", "a=1", "tracestate", "b=2")
            .statusCode());

    ReceivedSpan span = serverSpan(query);
    assertEquals(PARENT_SPAN_ID, span.parentSpanId());
    assertEquals("a=1,b=2", span.span().getTraceState());
  }
}
