package dev.weft.agent.otlpjson;

import io.opentelemetry.sdk.autoconfigure.spi.ConfigProperties;
import io.opentelemetry.sdk.autoconfigure.spi.traces.ConfigurableSpanExporterProvider;
import io.opentelemetry.sdk.trace.export.SpanExporter;

/** {@code otel.traces.exporter=logging-otlp}. */
public final class OtlpJsonStdoutSpanExporterProvider implements ConfigurableSpanExporterProvider {

  @Override
  public SpanExporter createExporter(ConfigProperties config) {
    return new OtlpJsonStdoutSpanExporter(System.out);
  }

  @Override
  public String getName() {
    return "logging-otlp";
  }
}
