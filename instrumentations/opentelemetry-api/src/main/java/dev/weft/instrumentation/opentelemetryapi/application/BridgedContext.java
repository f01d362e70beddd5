package dev.weft.instrumentation.opentelemetryapi.application;

import dev.weft.instrumentation.opentelemetryapi.AgentContexts;
import io.opentelemetry.api.baggage.Baggage;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.ContextKey;

/**
 * An application {@code Context} over the agent's: the span and baggage keys read and write the agent's context
 * (converted on the way), every other key of the application's lives in an application context of its own, which
 * travels inside the agent's context (under a key of the agent's) wherever the agent carries its context.
 */
final class BridgedContext implements Context {

  /** The agent's key for this application class loader's own context values. */
  private static final Object APPLICATION_VALUES = AgentContexts.newKey("weft-application-context");

  private static final Context ROOT = Context.root();

  /**
   * For a span the bridge did not make (one of an SDK of the application's own, say), the agent's span made for it:
   * while the agent's context still holds that span, the application gets its own span object back.
   */
  private static final ContextKey<Object> FOREIGN_SPAN_AS_AGENTS =
      ContextKey.named("weft-foreign-span");

  private final Object agentContext;
  private final Context applicationValues;

  private BridgedContext(Object agentContext, Context applicationValues) {
    this.agentContext = agentContext;
    this.applicationValues = applicationValues;
  }

  /** The application's view of the agent's context, or {@code null} for the agent's root with nothing of the application's. */
  static Context fromAgent(Object agentContext) {
    Object values = AgentContexts.get(agentContext, APPLICATION_VALUES);
    if (values == null) {
      if (agentContext == AgentContexts.root()) {
        return null;
      }
      values = ROOT;
    }
    return new BridgedContext(agentContext, (Context) values);
  }

  /** The agent's context for any application context, this bridge's or one the application built from its root. */
  static Object toAgent(Context context) {
    if (context instanceof BridgedContext) {
      return ((BridgedContext) context).agentContext();
    }
    if (context == ROOT) {
      return AgentContexts.root();
    }
    Object agentContext = AgentContexts.root();
    Object span = context.get(ContextKeys.SPAN);
    if (span != null) {
      Object agentSpan = ApplicationSpan.toAgent((Span) span);
      agentContext = AgentContexts.withSpan(agentContext, agentSpan);
      if (!(span instanceof ApplicationSpan)) {
        context = context.with(FOREIGN_SPAN_AS_AGENTS, agentSpan);
      }
    }
    Object baggage = context.get(ContextKeys.BAGGAGE);
    if (baggage != null) {
      agentContext =
          AgentContexts.withBaggage(agentContext, BaggageConversion.toAgent((Baggage) baggage));
    }
    return AgentContexts.with(agentContext, APPLICATION_VALUES, context);
  }

  /** The agent's context, carrying the application's own values when there are any. */
  private Object agentContext() {
    Object carried = AgentContexts.get(agentContext, APPLICATION_VALUES);
    if (carried == applicationValues || (carried == null && applicationValues == ROOT)) {
      return agentContext;
    }
    return AgentContexts.with(agentContext, APPLICATION_VALUES, applicationValues);
  }

  @Override
  @SuppressWarnings("unchecked")
  public <V> V get(ContextKey<V> key) {
    if (key == ContextKeys.SPAN) {
      Object span = AgentContexts.spanOf(agentContext);
      if (span == null) {
        return null;
      }
      return applicationValues.get(FOREIGN_SPAN_AS_AGENTS) == span
          ? applicationValues.get(key)
          : (V) new ApplicationSpan(span);
    }
    if (key == ContextKeys.BAGGAGE) {
      Object baggage = AgentContexts.baggageOf(agentContext);
      return baggage == null ? null : (V) BaggageConversion.fromAgent(baggage);
    }
    return applicationValues.get(key);
  }

  @Override
  public <V> Context with(ContextKey<V> key, V value) {
    if (key == ContextKeys.SPAN) {
      Object span = value == null ? null : ApplicationSpan.toAgent((Span) value);
      Context values =
          value instanceof ApplicationSpan || value == null
              ? applicationValues
              : applicationValues.with(key, value).with(FOREIGN_SPAN_AS_AGENTS, span);
      return new BridgedContext(AgentContexts.withSpan(agentContext, span), values);
    }
    if (key == ContextKeys.BAGGAGE) {
      Object baggage = value == null ? null : BaggageConversion.toAgent((Baggage) value);
      return new BridgedContext(
          AgentContexts.withBaggage(agentContext, baggage), applicationValues);
    }
    return new BridgedContext(agentContext, applicationValues.with(key, value));
  }

  @Override
  public String toString() {
    return "BridgedContext{agent=" + agentContext + ", application=" + applicationValues + "}";
  }
}
