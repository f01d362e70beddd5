package dev.weft.instrumentation.opentelemetryapi.application;

import dev.weft.instrumentation.opentelemetryapi.AgentContexts;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.ContextStorage;
import io.opentelemetry.context.Scope;

/**
 * The application's context storage: the agent's. What the application makes current is current for the agent's
 * instrumentation, and the application sees the agent's current span and baggage.
 */
final class BridgedContextStorage implements ContextStorage {

  static final BridgedContextStorage INSTANCE = new BridgedContextStorage();

  private BridgedContextStorage() {}

  @Override
  public Scope attach(Context toAttach) {
    if (toAttach == null) {
      return Scope.noop();
    }
    Object agentScope = AgentContexts.makeCurrent(BridgedContext.toAgent(toAttach));
    return () -> AgentContexts.close(agentScope);
  }

  /** {@code null} for the agent's root context: {@code Context.current()} then answers the application's root. */
  @Override
  public Context current() {
    return BridgedContext.fromAgent(AgentContexts.current());
  }
}
