package dev.weft.instrumentation.opentelemetryapi;

import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.TracerBuilder;
import java.util.concurrent.TimeUnit;

/** The agent's tracers and spans, for the application's bridged ones: handles typed {@code Object}. */
public final class AgentSpans {

  private static final StatusCode[] STATUS_CODES = StatusCode.values();

  private AgentSpans() {}

  /** The agent's tracer of this instrumentation scope; {@code version} and {@code schemaUrl} may be null. */
  public static Object tracer(String name, String version, String schemaUrl) {
    TracerBuilder tracer = GlobalOpenTelemetry.getTracerProvider().tracerBuilder(name);
    if (version != null) {
      tracer.setInstrumentationVersion(version);
    }
    if (schemaUrl != null) {
      tracer.setSchemaUrl(schemaUrl);
    }
    return tracer.build();
  }

  public static boolean isEnabled(Object tracer) {
    return ((Tracer) tracer).isEnabled();
  }

  public static Object invalid() {
    return Span.getInvalid();
  }

  /** A span that only carries a span context (a remote parent, say), as {@code Span.wrap} makes. */
  public static Object wrap(Object spanContext) {
    return Span.wrap((SpanContext) spanContext);
  }

  public static Object spanContext(Object span) {
    return ((Span) span).getSpanContext();
  }

  public static boolean isRecording(Object span) {
    return ((Span) span).isRecording();
  }

  public static void setAttribute(Object span, String key, String value) {
    ((Span) span).setAttribute(key, value);
  }

  public static void setAttribute(Object span, String key, long value) {
    ((Span) span).setAttribute(key, value);
  }

  public static void setAttribute(Object span, String key, double value) {
    ((Span) span).setAttribute(key, value);
  }

  public static void setAttribute(Object span, String key, boolean value) {
    ((Span) span).setAttribute(key, value);
  }

  /** @param key the agent's {@code AttributeKey}, from {@link AgentAttributes#key} */
  @SuppressWarnings("unchecked")
  public static void setAttribute(Object span, Object key, Object value) {
    ((Span) span).setAttribute((AttributeKey<Object>) key, value);
  }

  public static void addEvent(Object span, String name, Object attributes) {
    ((Span) span).addEvent(name, (Attributes) attributes);
  }

  public static void addEvent(
      Object span, String name, Object attributes, long timestamp, TimeUnit unit) {
    ((Span) span).addEvent(name, (Attributes) attributes, timestamp, unit);
  }

  /** @param code the ordinal of {@code StatusCode} (UNSET, OK, ERROR: the same in every API version) */
  public static void setStatus(Object span, int code, String description) {
    if (code < STATUS_CODES.length) {
      ((Span) span).setStatus(STATUS_CODES[code], description);
    }
  }

  public static void recordException(Object span, Throwable exception, Object attributes) {
    ((Span) span).recordException(exception, (Attributes) attributes);
  }

  public static void updateName(Object span, String name) {
    ((Span) span).updateName(name);
  }

  public static void addLink(Object span, Object spanContext, Object attributes) {
    ((Span) span).addLink((SpanContext) spanContext, (Attributes) attributes);
  }

  public static void end(Object span) {
    ((Span) span).end();
  }

  public static void end(Object span, long timestamp, TimeUnit unit) {
    ((Span) span).end(timestamp, unit);
  }
}
