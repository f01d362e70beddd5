package dev.weft.instrumentation.api.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.util.List;

/**
 * The SDK a module's unit tests record spans with (shared through this module's test jar): registered as the global
 * OpenTelemetry once per test JVM, with W3C trace context propagation, before the module's classes (which take their
 * tracer from it when they are initialized) are used. Each span is exported in memory as it ends.
 */
public final class RecordingSdk {

  private static final InMemorySpanExporter EXPORTED = InMemorySpanExporter.create();
  private static boolean installed;

  private RecordingSdk() {}

  /** Registers the SDK the first time; returns the exporter that holds the ended spans. */
  public static synchronized InMemorySpanExporter install() {
    if (!installed) {
      OpenTelemetrySdk.builder()
          .setTracerProvider(
              SdkTracerProvider.builder()
                  .addSpanProcessor(SimpleSpanProcessor.create(EXPORTED))
                  .build())
          .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance()))
          .buildAndRegisterGlobal();
      installed = true;
    }
    return EXPORTED;
  }

  /** The one span ended since the last reset; fails the test when there are none or several. */
  public static SpanData onlySpan() {
    List<SpanData> spans = EXPORTED.getFinishedSpanItems();
    assertEquals(1, spans.size(), spans.toString());
    return spans.get(0);
  }

  /** The W3C {@code traceparent} header that carries this span's context. */
  public static String traceparentOf(SpanData span) {
    return "00-"
        + span.getTraceId()
        + "-"
        + span.getSpanId()
        + "-"
        + span.getSpanContext().getTraceFlags().asHex();
  }
}
