package dev.weft.instrumentation.opentelemetryapi.application;

import io.opentelemetry.api.baggage.Baggage;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.ContextKey;

/**
 * The application's API's own keys for the current span and baggage. They are package-private fields of the API;
 * rather than read them reflectively, each is caught as the API stores a span (or baggage) into a context that only
 * remembers the key it is handed. Done once per application class loader.
 */
final class ContextKeys {

  static final ContextKey<?> SPAN;
  static final ContextKey<?> BAGGAGE;

  static {
    KeyCatcher catcher = new KeyCatcher();
    Span.getInvalid().storeInContext(catcher);
    SPAN = catcher.caught;
    Baggage.empty().storeInContext(catcher);
    BAGGAGE = catcher.caught;
  }

  private ContextKeys() {}

  /** A context that holds nothing and remembers the last key it was asked to hold. */
  private static final class KeyCatcher implements Context {
    private ContextKey<?> caught;

    @Override
    public <V> V get(ContextKey<V> key) {
      return null;
    }

    @Override
    public <V> Context with(ContextKey<V> key, V value) {
      caught = key;
      return this;
    }
  }
}
