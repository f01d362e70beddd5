package dev.weft.agent.otlpjson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class OtlpJsonStdoutSpanExporterTest {

  @Test
  void eachBatchIsOneLineOfOtlpJson() {
    // read before the provider closes: closing shuts the in-memory exporter down, which forgets its
    // spans
    InMemorySpanExporter collecting = InMemorySpanExporter.create();
    List<SpanData> ended;
    try (SdkTracerProvider tracing =
        SdkTracerProvider.builder()
            .addSpanProcessor(SimpleSpanProcessor.create(collecting))
            .build()) {
      Span parent =
          tracing
              .get("test")
              .spanBuilder("GET /shop/hello")
              .setSpanKind(SpanKind.SERVER)
              .startSpan();
      tracing
          .get("test")
          .spanBuilder("GET")
          .setSpanKind(SpanKind.CLIENT)
          .setParent(io.opentelemetry.context.Context.root().with(parent))
          .startSpan()
          .end();
      parent.end();
      ended = collecting.getFinishedSpanItems();
    }
    ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    OtlpJsonStdoutSpanExporter exporter =
        new OtlpJsonStdoutSpanExporter(new PrintStream(stdout, true, StandardCharsets.UTF_8));
    assertTrue(exporter.export(ended).isSuccess());
    assertTrue(exporter.export(ended.subList(0, 1)).isSuccess());

    String[] lines = stdout.toString(StandardCharsets.UTF_8).split("\n");
    assertEquals(2, lines.length);
    assertTrue(lines[0].startsWith("{\"resourceSpans\":[") && lines[0].endsWith("}"), lines[0]);
    assertTrue(
        lines[0].contains("\"name\":\"GET /shop/hello\"") && lines[0].contains("\"name\":\"GET\""),
        lines[0]);
    assertTrue(
        lines[0].contains("\"parentSpanId\":\"" + ended.get(1).getSpanId() + "\""), lines[0]);
    assertTrue(exporter.shutdown().isSuccess());
    assertTrue(!exporter.export(ended).isSuccess(), "nothing is written after shutdown");
  }
}
