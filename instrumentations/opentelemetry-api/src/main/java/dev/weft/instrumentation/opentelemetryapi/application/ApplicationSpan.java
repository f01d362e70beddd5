package dev.weft.instrumentation.opentelemetryapi.application;

import dev.weft.instrumentation.opentelemetryapi.AgentSpans;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.StatusCode;
import java.util.concurrent.TimeUnit;

/**
 * The application's {@code Span} over one of the agent's spans. Methods of API versions newer than the bridge keep
 * their interface defaults.
 */
final class ApplicationSpan implements Span {

  private final Object agentSpan;

  /** Copied from the agent's span on first use: it never changes. */
  private SpanContext spanContext;

  ApplicationSpan(Object agentSpan) {
    this.agentSpan = agentSpan;
  }

  /** The agent's span for an application span: the one this bridge wraps, else one carrying its span context. */
  static Object toAgent(Span span) {
    if (span instanceof ApplicationSpan) {
      return ((ApplicationSpan) span).agentSpan;
    }
    SpanContext context = span.getSpanContext();
    return context.isValid()
        ? AgentSpans.wrap(SpanContextConversion.toAgent(context))
        : AgentSpans.invalid();
  }

  @Override
  public Span setAttribute(String key, String value) {
    AgentSpans.setAttribute(agentSpan, key, value);
    return this;
  }

  @Override
  public Span setAttribute(String key, long value) {
    AgentSpans.setAttribute(agentSpan, key, value);
    return this;
  }

  @Override
  public Span setAttribute(String key, double value) {
    AgentSpans.setAttribute(agentSpan, key, value);
    return this;
  }

  @Override
  public Span setAttribute(String key, boolean value) {
    AgentSpans.setAttribute(agentSpan, key, value);
    return this;
  }

  @Override
  public <T> Span setAttribute(AttributeKey<T> key, T value) {
    if (key != null && value != null) {
      Object agentKey = AttributeConversion.toAgent(key);
      if (agentKey != null) {
        AgentSpans.setAttribute(agentSpan, agentKey, value);
      }
    }
    return this;
  }

  @Override
  public Span addEvent(String name) {
    return addEvent(name, Attributes.empty());
  }

  @Override
  public Span addEvent(String name, Attributes attributes) {
    AgentSpans.addEvent(agentSpan, name, AttributeConversion.toAgent(attributes));
    return this;
  }

  @Override
  public Span addEvent(String name, Attributes attributes, long timestamp, TimeUnit unit) {
    AgentSpans.addEvent(agentSpan, name, AttributeConversion.toAgent(attributes), timestamp, unit);
    return this;
  }

  @Override
  public Span setStatus(StatusCode statusCode, String description) {
    if (statusCode != null) {
      AgentSpans.setStatus(agentSpan, statusCode.ordinal(), description);
    }
    return this;
  }

  @Override
  public Span recordException(Throwable exception, Attributes additionalAttributes) {
    if (exception != null) {
      AgentSpans.recordException(
          agentSpan, exception, AttributeConversion.toAgent(additionalAttributes));
    }
    return this;
  }

  @Override
  public Span updateName(String name) {
    AgentSpans.updateName(agentSpan, name);
    return this;
  }

  /** API 1.37+; with an older API nothing calls it. */
  @Override
  public Span addLink(SpanContext linked, Attributes attributes) {
    if (linked != null && linked.isValid()) {
      AgentSpans.addLink(
          agentSpan,
          SpanContextConversion.toAgent(linked),
          AttributeConversion.toAgent(attributes));
    }
    return this;
  }

  @Override
  public void end() {
    AgentSpans.end(agentSpan);
  }

  @Override
  public void end(long timestamp, TimeUnit unit) {
    AgentSpans.end(agentSpan, timestamp, unit);
  }

  @Override
  public SpanContext getSpanContext() {
    SpanContext copied = spanContext;
    if (copied == null) {
      copied = SpanContextConversion.fromAgent(AgentSpans.spanContext(agentSpan));
      spanContext = copied;
    }
    return copied;
  }

  @Override
  public boolean isRecording() {
    return AgentSpans.isRecording(agentSpan);
  }

  /** Two views of the same agent span are equal: the application may compare {@code Span.current()} with its span. */
  @Override
  public boolean equals(Object other) {
    return other instanceof ApplicationSpan && ((ApplicationSpan) other).agentSpan == agentSpan;
  }

  @Override
  public int hashCode() {
    return System.identityHashCode(agentSpan);
  }

  @Override
  public String toString() {
    return "ApplicationSpan{" + agentSpan + "}";
  }
}
