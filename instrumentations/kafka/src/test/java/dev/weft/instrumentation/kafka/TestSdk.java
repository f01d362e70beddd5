package dev.weft.instrumentation.kafka;

import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;

/**
 * The SDK the module's tests record spans with: registered as the global one once per test JVM, before the module's
 * classes (which take their tracer from it when they are initialized) are used.
 */
final class TestSdk {

  static final InMemorySpanExporter EXPORTED = InMemorySpanExporter.create();
  private static boolean installed;

  private TestSdk() {}

  static synchronized void install() {
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
  }
}
