package dev.weft.instrumentation.opentelemetryapi;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import java.util.concurrent.TimeUnit;

/** The agent's span builders, for the application's bridged ones: handles typed {@code Object}. */
public final class AgentSpanBuilders {

  private static final SpanKind[] KINDS = SpanKind.values();

  private AgentSpanBuilders() {}

  public static Object spanBuilder(Object tracer, String name) {
    return ((Tracer) tracer).spanBuilder(name);
  }

  public static void setParent(Object builder, Object context) {
    ((SpanBuilder) builder).setParent((Context) context);
  }

  public static void setNoParent(Object builder) {
    ((SpanBuilder) builder).setNoParent();
  }

  public static void addLink(Object builder, Object spanContext, Object attributes) {
    ((SpanBuilder) builder).addLink((SpanContext) spanContext, (Attributes) attributes);
  }

  public static void setAttribute(Object builder, String key, String value) {
    ((SpanBuilder) builder).setAttribute(key, value);
  }

  public static void setAttribute(Object builder, String key, long value) {
    ((SpanBuilder) builder).setAttribute(key, value);
  }

  public static void setAttribute(Object builder, String key, double value) {
    ((SpanBuilder) builder).setAttribute(key, value);
  }

  public static void setAttribute(Object builder, String key, boolean value) {
    ((SpanBuilder) builder).setAttribute(key, value);
  }

  /** @param key the agent's {@code AttributeKey}, from {@link AgentAttributes#key} */
  @SuppressWarnings("unchecked")
  public static void setAttribute(Object builder, Object key, Object value) {
    ((SpanBuilder) builder).setAttribute((AttributeKey<Object>) key, value);
  }

  /** @param kind the ordinal of {@code SpanKind} (INTERNAL, SERVER, CLIENT, PRODUCER, CONSUMER in every version) */
  public static void setSpanKind(Object builder, int kind) {
    if (kind < KINDS.length) {
      ((SpanBuilder) builder).setSpanKind(KINDS[kind]);
    }
  }

  public static void setStartTimestamp(Object builder, long timestamp, TimeUnit unit) {
    ((SpanBuilder) builder).setStartTimestamp(timestamp, unit);
  }

  /** @return the agent's started {@code Span} */
  public static Object startSpan(Object builder) {
    return ((SpanBuilder) builder).startSpan();
  }
}
