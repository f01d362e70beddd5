package dev.weft.instrumentation.opentelemetryapi;

import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.api.trace.TraceStateBuilder;
import java.util.function.BiConsumer;

/** The agent's span contexts, read into and made from plain values: handles typed {@code Object}. */
public final class AgentSpanContexts {

  private static final String[] NO_ENTRIES = new String[0];

  private AgentSpanContexts() {}

  public static String traceId(Object spanContext) {
    return ((SpanContext) spanContext).getTraceId();
  }

  public static String spanId(Object spanContext) {
    return ((SpanContext) spanContext).getSpanId();
  }

  public static byte traceFlags(Object spanContext) {
    return ((SpanContext) spanContext).getTraceFlags().asByte();
  }

  public static boolean isRemote(Object spanContext) {
    return ((SpanContext) spanContext).isRemote();
  }

  /** The trace state's entries as key, value, key, value... */
  public static String[] traceState(Object spanContext) {
    TraceState state = ((SpanContext) spanContext).getTraceState();
    if (state.isEmpty()) {
      return NO_ENTRIES;
    }
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
    return entries;
  }

  /** @param traceState key, value, key, value... */
  public static Object create(
      String traceId, String spanId, byte traceFlags, String[] traceState, boolean remote) {
    TraceState state = TraceState.getDefault();
    if (traceState.length > 0) {
      TraceStateBuilder builder = TraceState.builder();
      for (int i = 0; i + 1 < traceState.length; i += 2) {
        builder.put(traceState[i], traceState[i + 1]);
      }
      state = builder.build();
    }
    TraceFlags flags = TraceFlags.fromByte(traceFlags);
    return remote
        ? SpanContext.createFromRemoteParent(traceId, spanId, flags, state)
        : SpanContext.create(traceId, spanId, flags, state);
  }
}
