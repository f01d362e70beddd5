package dev.weft.smoke;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.opentelemetry.proto.trace.v1.Span;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The propagators of {@code otel.propagators} other than W3C's, as services that still speak Zipkin B3, Jaeger or
 * OpenTracing use them: a request carrying only that format continues its trace, and the OkHttp and JDK client
 * calls the service makes carry it onward in the same format (the called service, set up alike, continues it).
 */
class PropagatorsTest {

  private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
  private static final String SPAN_ID = "00f067aa0ba902b7";

  /** OpenTracing's tracers use 64-bit trace ids, which the ottrace format carries (the upper half is zero). */
  private static final String OT_TRACE_ID = "a3ce929d0e0e4736";

  private static String traceIdOf(String format) {
    return format.equals("ottrace") ? "0000000000000000" + OT_TRACE_ID : TRACE_ID;
  }

  /** The headers of one request that carry the trace in {@code format} alone. */
  private static String[] headersOf(String format) {
    switch (format) {
      case "b3":
        return new String[] {"b3", TRACE_ID + "-" + SPAN_ID + "-1"};
      case "b3multi":
        return new String[] {"X-B3-TraceId", TRACE_ID, "X-B3-SpanId", SPAN_ID, "X-B3-Sampled", "1"};
      case "jaeger":
        return new String[] {"uber-trace-id", TRACE_ID + ":" + SPAN_ID + ":0:1"};
      case "ottrace":
        return new String[] {
          "ot-tracer-traceid", OT_TRACE_ID, "ot-tracer-spanid", SPAN_ID, "ot-tracer-sampled", "true"
        };
      default:
        throw new IllegalArgumentException(format);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"b3", "b3multi", "jaeger", "ottrace"})
  void requestInThisFormatAloneContinuesItsTraceAcrossServices(String format) throws Exception {
    try (OtlpReceiver receiver = new OtlpReceiver();
        AppProcess serviceA = tomcat(receiver, format, "service-a");
        AppProcess serviceB = tomcat(receiver, format, "service-b")) {
      int portB = serviceB.port();
      for (String client : List.of("okhttp", "jdk")) {
        String query = "port=" + portB + "&request=" + client;
        assertEquals(
            "chained: hello",
            Http.get(serviceA.port(), "/shop/chain/" + client + "?" + query, headersOf(format))
                .body());

        ReceivedSpan serverA =
            receiver.awaitOne(
                span ->
                    span.kind() == Span.SpanKind.SPAN_KIND_SERVER
                        && query.equals(span.attribute("url.query")));
        assertEquals(traceIdOf(format), serverA.traceId(), format + " extracted");
        assertEquals(SPAN_ID, serverA.parentSpanId());
        ReceivedSpan call =
            receiver.awaitOne(
                span ->
                    span.kind() == Span.SpanKind.SPAN_KIND_CLIENT
                        && span.parentSpanId().equals(serverA.spanId()));
        ReceivedSpan serverB =
            receiver.awaitOne(
                span ->
                    span.kind() == Span.SpanKind.SPAN_KIND_SERVER
                        && span.parentSpanId().equals(call.spanId()));
        assertEquals(traceIdOf(format), serverB.traceId(), format + " injected by " + client);
        assertEquals("service-b", serverB.resource().get("service.name"));
      }
    }
  }

  /**
   * W3C Trace Context Level 2: a {@code tracestate} with keys Level 1 refused ({@code foo@}, {@code foo@@bar}, a key
   * of 256 characters), sent as two headers, reaches the next service whole and in order.
   */
  @Test
  void level2TracestateTravelsOnWhole() throws Exception {
    String longKey = "z".repeat(256);
    try (OtlpReceiver receiver = new OtlpReceiver();
        AppProcess serviceA = tomcat(receiver, "tracecontext,baggage", "service-a");
        AppProcess serviceB = tomcat(receiver, "tracecontext,baggage", "service-b")) {
      String query = "port=" + serviceB.port() + "&request=okhttp";
      Http.get(
          serviceA.port(),
          "/shop/chain/okhttp?" + query,
          "traceparent",
          "00-" + TRACE_ID + "-" + SPAN_ID + "-01",
          "tracestate",
          "foo@=1,foo@@bar=2",
          "tracestate",
          longKey + "=3,foo@=4");

      ReceivedSpan serverA =
          receiver.awaitOne(
              span ->
                  span.kind() == Span.SpanKind.SPAN_KIND_SERVER
                      && query.equals(span.attribute("url.query")));
      String expected = "foo@=1,foo@@bar=2," + longKey + "=3";
      assertEquals(expected, serverA.span().getTraceState(), "extracted");
      ReceivedSpan call = receiver.awaitOne(span -> span.parentSpanId().equals(serverA.spanId()));
      ReceivedSpan serverB = receiver.awaitOne(span -> span.parentSpanId().equals(call.spanId()));
      assertEquals(TRACE_ID, serverB.traceId());
      assertEquals(expected, serverB.span().getTraceState(), "injected");
    }
  }

  @Test
  void unknownPropagatorIsLeftOutWithOneWarning() throws Exception {
    try (OtlpReceiver receiver = new OtlpReceiver();
        AppProcess app = tomcat(receiver, "tracecontext,xray,baggage", "service-a")) {
      Http.get(
          app.port(),
          "/shop/hello?request=1",
          "traceparent",
          "00-" + TRACE_ID + "-" + SPAN_ID + "-01");

      ReceivedSpan server =
          receiver.awaitOne(span -> "request=1".equals(span.attribute("url.query")));
      assertEquals(TRACE_ID, server.traceId(), "tracing stays on, with the propagators Weft has");
      app.stop();
      List<String> warnings = app.stderrLinesWith("[weft]");
      assertEquals(1, warnings.size(), app.stderr());
      assertTrue(
          warnings.get(0).contains("otel.propagators") && warnings.get(0).contains("[xray]"),
          warnings.get(0));
    }
  }

  private static AppProcess tomcat(OtlpReceiver receiver, String propagators, String serviceName)
      throws Exception {
    return AppProcess.app("TomcatApp")
        .exportingTo(receiver)
        .with("otel.propagators", propagators)
        .with("otel.service.name", serviceName)
        .start();
  }
}
