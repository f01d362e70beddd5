package dev.weft.instrumentation.opentelemetryapi.application;

import dev.weft.instrumentation.opentelemetryapi.AgentSpanBuilders;
import dev.weft.instrumentation.opentelemetryapi.AgentSpans;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.Tracer;

/** The application's {@code Tracer} over one of the agent's, of the same instrumentation scope. */
final class ApplicationTracer implements Tracer {

  private final Object agentTracer;

  ApplicationTracer(Object agentTracer) {
    this.agentTracer = agentTracer;
  }

  @Override
  public SpanBuilder spanBuilder(String spanName) {
    return new ApplicationSpanBuilder(AgentSpanBuilders.spanBuilder(agentTracer, spanName));
  }

  /** Newer API versions: whether the agent's tracer of this scope records at all. */
  @Override
  public boolean isEnabled() {
    return AgentSpans.isEnabled(agentTracer);
  }
}
