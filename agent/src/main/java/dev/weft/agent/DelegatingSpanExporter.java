package dev.weft.agent;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.export.SpanExporter;

/** A step of the export pipeline in front of another exporter: flush, shutdown and its name go to that one. */
abstract class DelegatingSpanExporter implements SpanExporter {

  final SpanExporter exporter;

  DelegatingSpanExporter(SpanExporter exporter) {
    this.exporter = exporter;
  }

  @Override
  public CompletableResultCode flush() {
    return exporter.flush();
  }

  @Override
  public CompletableResultCode shutdown() {
    return exporter.shutdown();
  }

  @Override
  public String toString() {
    return exporter.toString();
  }
}
