package dev.weft.instrumentation.opentelemetryapi.application;

import dev.weft.instrumentation.opentelemetryapi.AgentSpanBuilders;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Context;
import java.util.concurrent.TimeUnit;

/**
 * The application's {@code SpanBuilder} over the agent's. Without {@code setParent} the agent's builder takes the
 * current context, which is the application's too.
 */
final class ApplicationSpanBuilder implements SpanBuilder {

  private final Object agentBuilder;

  ApplicationSpanBuilder(Object agentBuilder) {
    this.agentBuilder = agentBuilder;
  }

  @Override
  public SpanBuilder setParent(Context context) {
    if (context != null) {
      AgentSpanBuilders.setParent(agentBuilder, BridgedContext.toAgent(context));
    }
    return this;
  }

  @Override
  public SpanBuilder setNoParent() {
    AgentSpanBuilders.setNoParent(agentBuilder);
    return this;
  }

  @Override
  public SpanBuilder addLink(SpanContext spanContext) {
    return addLink(spanContext, Attributes.empty());
  }

  @Override
  public SpanBuilder addLink(SpanContext spanContext, Attributes attributes) {
    if (spanContext != null && spanContext.isValid()) {
      AgentSpanBuilders.addLink(
          agentBuilder,
          SpanContextConversion.toAgent(spanContext),
          AttributeConversion.toAgent(attributes));
    }
    return this;
  }

  @Override
  public SpanBuilder setAttribute(String key, String value) {
    AgentSpanBuilders.setAttribute(agentBuilder, key, value);
    return this;
  }

  @Override
  public SpanBuilder setAttribute(String key, long value) {
    AgentSpanBuilders.setAttribute(agentBuilder, key, value);
    return this;
  }

  @Override
  public SpanBuilder setAttribute(String key, double value) {
    AgentSpanBuilders.setAttribute(agentBuilder, key, value);
    return this;
  }

  @Override
  public SpanBuilder setAttribute(String key, boolean value) {
    AgentSpanBuilders.setAttribute(agentBuilder, key, value);
    return this;
  }

  @Override
  public <T> SpanBuilder setAttribute(AttributeKey<T> key, T value) {
    if (key != null && value != null) {
      Object agentKey = AttributeConversion.toAgent(key);
      if (agentKey != null) {
        AgentSpanBuilders.setAttribute(agentBuilder, agentKey, value);
      }
    }
    return this;
  }

  @Override
  public SpanBuilder setSpanKind(SpanKind spanKind) {
    if (spanKind != null) {
      AgentSpanBuilders.setSpanKind(agentBuilder, spanKind.ordinal());
    }
    return this;
  }

  @Override
  public SpanBuilder setStartTimestamp(long startTimestamp, TimeUnit unit) {
    AgentSpanBuilders.setStartTimestamp(agentBuilder, startTimestamp, unit);
    return this;
  }

  @Override
  public Span startSpan() {
    return new ApplicationSpan(AgentSpanBuilders.startSpan(agentBuilder));
  }
}
