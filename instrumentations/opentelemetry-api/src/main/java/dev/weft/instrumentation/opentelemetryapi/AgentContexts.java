package dev.weft.instrumentation.opentelemetryapi;

import io.opentelemetry.api.baggage.Baggage;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.ContextKey;
import io.opentelemetry.context.Scope;

/**
 * The agent's {@link Context}, for the application's bridged context. Every handle is the agent's own object
 * ({@code Context}, {@code Scope}, {@code Span}, {@code Baggage}, {@code ContextKey}) typed {@code Object}: the
 * application's side cannot name the agent's types.
 */
public final class AgentContexts {

  private AgentContexts() {}

  public static Object root() {
    return Context.root();
  }

  public static Object current() {
    return Context.current();
  }

  /** @return the agent's {@code Scope} */
  public static Object makeCurrent(Object context) {
    return ((Context) context).makeCurrent();
  }

  public static void close(Object scope) {
    ((Scope) scope).close();
  }

  /** The span in the context, or {@code null}. */
  public static Object spanOf(Object context) {
    return Span.fromContextOrNull((Context) context);
  }

  /** @param span the span to make the context's, or {@code null} for none */
  public static Object withSpan(Object context, Object span) {
    return ((Context) context).with(span == null ? Span.getInvalid() : (Span) span);
  }

  /** The baggage in the context, or {@code null}. */
  public static Object baggageOf(Object context) {
    return Baggage.fromContextOrNull((Context) context);
  }

  /** @param baggage the context's baggage, or {@code null} for none */
  public static Object withBaggage(Object context, Object baggage) {
    return ((Context) context).with(baggage == null ? Baggage.empty() : (Baggage) baggage);
  }

  /** A key of the agent's context, for values of the application's that must travel with it. */
  public static Object newKey(String name) {
    return ContextKey.named(name);
  }

  @SuppressWarnings("unchecked")
  public static Object get(Object context, Object key) {
    return ((Context) context).get((ContextKey<Object>) key);
  }

  @SuppressWarnings("unchecked")
  public static Object with(Object context, Object key, Object value) {
    return ((Context) context).with((ContextKey<Object>) key, value);
  }
}
