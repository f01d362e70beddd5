package dev.weft.instrumentation.opentelemetryapi.application;

import dev.weft.instrumentation.opentelemetryapi.AgentSpanContexts;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.api.trace.TraceStateBuilder;
import java.util.function.BiConsumer;

/** Span contexts copied between the application's API and the agent's: ids, flags, trace state, remoteness. */
final class SpanContextConversion {

  private static final String[] NO_ENTRIES = new String[0];

  private SpanContextConversion() {}

  static SpanContext fromAgent(Object agentSpanContext) {
    String[] stateEntries = AgentSpanContexts.traceState(agentSpanContext);
    TraceState state = TraceState.getDefault();
    if (stateEntries.length > 0) {
      TraceStateBuilder builder = TraceState.builder();
      for (int i = 0; i + 1 < stateEntries.length; i += 2) {
        builder.put(stateEntries[i], stateEntries[i + 1]);
      }
      state = builder.build();
    }
    String traceId = AgentSpanContexts.traceId(agentSpanContext);
    String spanId = AgentSpanContexts.spanId(agentSpanContext);
    TraceFlags flags = TraceFlags.fromByte(AgentSpanContexts.traceFlags(agentSpanContext));
    return AgentSpanContexts.isRemote(agentSpanContext)
        ? SpanContext.createFromRemoteParent(traceId, spanId, flags, state)
        : SpanContext.create(traceId, spanId, flags, state);
  }

  static Object toAgent(SpanContext spanContext) {
    TraceState state = spanContext.getTraceState();
    String[] stateEntries = NO_ENTRIES;
    if (!state.isEmpty()) {
      String[] entries = new String[state.size() * 2];
      state.forEach(
          new BiConsumer<String, String>() {
            private int next;

            @Override
            public void accept(String key, String value) {
              entries[next++] = key;
              entries[next++] = value;
            }
          });
      stateEntries = entries;
    }
    return AgentSpanContexts.create(
        spanContext.getTraceId(),
        spanContext.getSpanId(),
        spanContext.getTraceFlags().asByte(),
        stateEntries,
        spanContext.isRemote());
  }
}
