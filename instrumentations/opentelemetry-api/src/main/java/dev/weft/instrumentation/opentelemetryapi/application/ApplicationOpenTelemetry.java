package dev.weft.instrumentation.opentelemetryapi.application;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.TracerProvider;
import io.opentelemetry.context.propagation.ContextPropagators;

/**
 * What the application's {@code GlobalOpenTelemetry.get()} returns: tracers and propagators of the agent's SDK.
 * Metrics and logs keep the interface's no-op defaults (Weft exports traces only).
 */
final class ApplicationOpenTelemetry implements OpenTelemetry {

  static final ApplicationOpenTelemetry INSTANCE = new ApplicationOpenTelemetry();

  private ApplicationOpenTelemetry() {}

  @Override
  public TracerProvider getTracerProvider() {
    return ApplicationTracerProvider.INSTANCE;
  }

  @Override
  public ContextPropagators getPropagators() {
    return ApplicationPropagators.INSTANCE;
  }
}
