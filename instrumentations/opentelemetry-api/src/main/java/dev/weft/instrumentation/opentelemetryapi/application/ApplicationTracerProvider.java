package dev.weft.instrumentation.opentelemetryapi.application;

import dev.weft.instrumentation.api.NewerLibraryOnly;
import dev.weft.instrumentation.opentelemetryapi.AgentSpans;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.TracerBuilder;
import io.opentelemetry.api.trace.TracerProvider;

/** The application's {@code TracerProvider}: tracers of the agent's SDK, of the scopes the application names. */
final class ApplicationTracerProvider implements TracerProvider {

  static final ApplicationTracerProvider INSTANCE = new ApplicationTracerProvider();

  private ApplicationTracerProvider() {}

  @Override
  public Tracer get(String instrumentationScopeName) {
    return new ApplicationTracer(AgentSpans.tracer(instrumentationScopeName, null, null));
  }

  @Override
  public Tracer get(String instrumentationScopeName, String instrumentationScopeVersion) {
    return new ApplicationTracer(
        AgentSpans.tracer(instrumentationScopeName, instrumentationScopeVersion, null));
  }

  /**
   * API 1.4+. {@code TracerBuilder} is named only in this signature and in {@link ApplicationTracerBuilder}, which is
   * loaded only when this runs: a class whose code converted to it here would fail to verify with an older API.
   */
  @Override
  @NewerLibraryOnly("opentelemetry-api 1.4")
  public TracerBuilder tracerBuilder(String instrumentationScopeName) {
    return ApplicationTracerBuilder.create(instrumentationScopeName);
  }
}
