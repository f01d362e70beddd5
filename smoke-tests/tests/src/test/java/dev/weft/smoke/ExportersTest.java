package dev.weft.smoke;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.smoke.LocalZipkin.ZipkinSpan;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The exporters besides OTLP: to a real Zipkin server, and OTLP JSON on stdout. */
class ExportersTest {

  private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
  private static final String SPAN_ID = "00f067aa0ba902b7";
  private static final String TRACEPARENT = "00-" + TRACE_ID + "-" + SPAN_ID + "-01";

  @Test
  void zipkinServerReceivesTheTraceWithItsParentLinks() throws Exception {
    try (LocalZipkin zipkin = new LocalZipkin();
        AppProcess app =
            AppProcess.app("TomcatApp")
                .with("otel.traces.exporter", "zipkin")
                .with("otel.exporter.zipkin.endpoint", zipkin.spansEndpoint())
                .with("otel.service.name", "shop")
                .start()) {
      int port = app.port();
      assertEquals(
          "chained: hello",
          Http.get(port, "/shop/chain/okhttp?port=" + port, "traceparent", TRACEPARENT).body());

      List<ZipkinSpan> trace = zipkin.awaitTrace(TRACE_ID, spans -> spans.size() >= 3);
      ZipkinSpan outer =
          only(trace, span -> "SERVER".equals(span.kind()) && SPAN_ID.equals(span.parentId()));
      assertTrue(
          outer.name().startsWith("get /shop/chain"),
          outer.name()); // Zipkin keeps names in lower case
      ZipkinSpan call = only(trace, span -> "CLIENT".equals(span.kind()));
      assertEquals(outer.id(), call.parentId());
      ZipkinSpan inner =
          only(trace, span -> "SERVER".equals(span.kind()) && call.id().equals(span.parentId()));
      assertEquals("get /shop/hello", inner.name());
      app.stop();
      assertEquals(List.of(), app.stderrLinesWith("[weft]"), app.stderr());
    }
  }

  @Test
  void loggingOtlpPrintsOneJsonLinePerBatchOnStdout() throws Exception {
    try (AppProcess app =
        AppProcess.app("TomcatApp").with("otel.traces.exporter", "logging-otlp").start()) {
      int port = app.port();
      Http.get(port, "/shop/hello", "traceparent", TRACEPARENT);
      app.stop();
      List<String> batches = new ArrayList<>();
      for (String line : app.stdout().split("\n")) {
        if (line.startsWith("{\"resourceSpans\":")) {
          batches.add(line);
        }
      }
      assertEquals(1, batches.size(), app.stdout());
      String batch = batches.get(0);
      assertTrue(
          batch.endsWith("}")
              && batch.contains("\"traceId\":\"" + TRACE_ID + "\"")
              && batch.contains("\"parentSpanId\":\"" + SPAN_ID + "\"")
              && batch.contains("\"name\":\"GET /shop/hello\""),
          batch);
      assertEquals(List.of(), app.stderrLinesWith("[weft]"), app.stderr());
    }
  }

  private static ZipkinSpan only(
      List<ZipkinSpan> spans, java.util.function.Predicate<ZipkinSpan> matching) {
    List<ZipkinSpan> found = spans.stream().filter(matching).toList();
    assertEquals(1, found.size(), spans.toString());
    return found.get(0);
  }
}
