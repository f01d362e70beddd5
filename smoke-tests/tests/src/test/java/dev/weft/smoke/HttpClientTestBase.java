package dev.weft.smoke;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.proto.trace.v1.Status;
import java.net.ServerSocket;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Service A (Tomcat) calls service B (Tomcat, another JVM) through one HTTP client library, each way the library
 * offers (one subclass per library, naming the paths of {@code TomcatApp}'s chain servlet that use it): one trace
 * SERVER(A) -> CLIENT -> SERVER(B), the client span a child of A's server span (the server span's context is
 * current on the request thread), and B's span a child of the client span (its traceparent names it).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class HttpClientTestBase {

  /** The paths of A's chain servlet that call B through the library under test. */
  abstract List<String> calls();

  final AtomicInteger requestNumber = new AtomicInteger();
  OtlpReceiver receiver;
  AppProcess serviceA;
  AppProcess serviceB;

  @BeforeAll
  void startServices() throws Exception {
    receiver = new OtlpReceiver();
    serviceA =
        AppProcess.app("TomcatApp")
            .exportingTo(receiver)
            .with("otel.service.name", "service-a")
            .start();
    serviceB =
        AppProcess.app("TomcatApp")
            .exportingTo(receiver)
            .with("otel.service.name", "service-b")
            .start();
    serviceA.port();
    serviceB.port();
  }

  @AfterAll
  void stopServices() throws Exception {
    serviceA.close();
    serviceB.close();
    receiver.close();
  }

  ReceivedSpan serverSpanOfA(String query) throws InterruptedException {
    return receiver.awaitOne(
        span ->
            span.kind() == Span.SpanKind.SPAN_KIND_SERVER
                && query.equals(span.attribute("url.query")));
  }

  ReceivedSpan childOf(ReceivedSpan parent, Span.SpanKind kind) throws InterruptedException {
    return receiver.awaitOne(
        span -> span.kind() == kind && span.parentSpanId().equals(parent.spanId()));
  }

  @ParameterizedTest
  @MethodSource("calls")
  void oneTraceAcrossTwoServices(String path) throws Exception {
    int portB = serviceB.port();
    String query = "port=" + portB + "&request=" + requestNumber.incrementAndGet();
    assertEquals("chained: hello", Http.get(serviceA.port(), path + "?" + query).body());

    ReceivedSpan serverA = serverSpanOfA(query);
    ReceivedSpan client = childOf(serverA, Span.SpanKind.SPAN_KIND_CLIENT);
    ReceivedSpan serverB = childOf(client, Span.SpanKind.SPAN_KIND_SERVER);

    assertEquals(
        1,
        receiver
            .matching(
                span ->
                    span.kind() == Span.SpanKind.SPAN_KIND_CLIENT
                        && span.parentSpanId().equals(serverA.spanId()))
            .size(),
        "one client span per request");
    assertEquals(serverA.traceId(), client.traceId());
    assertEquals(serverA.traceId(), serverB.traceId());
    assertEquals("service-a", client.resource().get("service.name"));
    assertEquals("service-b", serverB.resource().get("service.name"));
    assertEquals("GET", client.name());
    assertEquals("GET", client.attribute("http.request.method"));
    assertEquals("http://127.0.0.1:" + portB + "/shop/hello", client.attribute("url.full"));
    assertEquals("127.0.0.1", client.attribute("server.address"));
    assertEquals((long) portB, client.attribute("server.port"));
    assertEquals(200L, client.attribute("http.response.status_code"));
    assertEquals("1.1", client.attribute("network.protocol.version"));
    assertEquals("GET /shop/hello", serverB.name());
    assertTrue(client.span().getStartTimeUnixNano() >= serverA.span().getStartTimeUnixNano());
  }

  @ParameterizedTest
  @MethodSource("calls")
  void signedUrlsLoseTheirSecrets(String path) throws Exception {
    int portB = serviceB.port();
    String signed = "/shop/hello%3FX-Amz-Date%3D20261130%26X-Amz-Signature%3Ds3cret%26sig%3Ds3cret";
    String query =
        "port=" + portB + "&target=" + signed + "&request=" + requestNumber.incrementAndGet();
    assertEquals("chained: hello", Http.get(serviceA.port(), path + "?" + query).body());

    ReceivedSpan serverA = serverSpanOfA(query);
    ReceivedSpan client = childOf(serverA, Span.SpanKind.SPAN_KIND_CLIENT);
    ReceivedSpan serverB = childOf(client, Span.SpanKind.SPAN_KIND_SERVER);
    assertEquals(
        "http://127.0.0.1:"
            + portB
            + "/shop/hello?X-Amz-Date=20261130&X-Amz-Signature=REDACTED&sig=REDACTED",
        client.attribute("url.full"));
    assertEquals(
        "X-Amz-Date=20261130&X-Amz-Signature=REDACTED&sig=REDACTED",
        serverB.attribute("url.query"));
  }

  @ParameterizedTest
  @MethodSource("calls")
  void errorStatusMarksTheClientSpan(String path) throws Exception {
    String query =
        "port="
            + serviceB.port()
            + "&target=/shop/unavailable&request="
            + requestNumber.incrementAndGet();
    Http.get(serviceA.port(), path + "?" + query);

    ReceivedSpan client = childOf(serverSpanOfA(query), Span.SpanKind.SPAN_KIND_CLIENT);
    assertEquals(503L, client.attribute("http.response.status_code"));
    assertEquals("503", client.attribute("error.type"));
    assertEquals(Status.StatusCode.STATUS_CODE_ERROR, client.status());
  }

  @ParameterizedTest
  @MethodSource("calls")
  void callToAClosedPortEndsTheClientSpanAsError(String path) throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    String query = "port=" + closedPort + "&request=" + requestNumber.incrementAndGet();
    assertEquals(502, Http.get(serviceA.port(), path + "?" + query).statusCode());

    ReceivedSpan client = childOf(serverSpanOfA(query), Span.SpanKind.SPAN_KIND_CLIENT);
    assertEquals(Status.StatusCode.STATUS_CODE_ERROR, client.status());
    assertTrue(
        String.valueOf(client.attribute("error.type")).endsWith("ConnectException"),
        client.toString());
    assertEquals("exception", client.span().getEvents(0).getName());
  }
}
