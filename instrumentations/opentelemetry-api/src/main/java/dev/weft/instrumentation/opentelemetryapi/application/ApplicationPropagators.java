package dev.weft.instrumentation.opentelemetryapi.application;

import dev.weft.instrumentation.opentelemetryapi.AgentPropagation;
import dev.weft.instrumentation.opentelemetryapi.CarrierReader;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.opentelemetry.context.propagation.TextMapSetter;
import java.util.Collection;

/**
 * The application's propagators: the agent's, as configured by {@code otel.propagators}, reading and writing the
 * application's carriers through its getters and setters.
 */
final class ApplicationPropagators implements ContextPropagators, TextMapPropagator {

  static final ApplicationPropagators INSTANCE = new ApplicationPropagators();

  private ApplicationPropagators() {}

  @Override
  public TextMapPropagator getTextMapPropagator() {
    return this;
  }

  @Override
  public Collection<String> fields() {
    return AgentPropagation.fields();
  }

  @Override
  public <C> void inject(Context context, C carrier, TextMapSetter<C> setter) {
    if (context == null || setter == null) {
      return;
    }
    AgentPropagation.inject(
        BridgedContext.toAgent(context),
        carrier,
        (into, key, value) -> setter.set(carrierOf(into), key, value));
  }

  @Override
  public <C> Context extract(Context context, C carrier, TextMapGetter<C> getter) {
    if (context == null) {
      context = Context.root();
    }
    if (getter == null) {
      return context;
    }
    Object extracted =
        AgentPropagation.extract(
            BridgedContext.toAgent(context),
            carrier,
            new CarrierReader() {
              @Override
              public Iterable<String> keys(Object from) {
                return getter.keys(carrierOf(from));
              }

              @Override
              public String get(Object from, String key) {
                return getter.get(carrierOf(from), key);
              }
            });
    Context bridged = BridgedContext.fromAgent(extracted);
    return bridged == null ? Context.root() : bridged;
  }

  /** The carrier as the application handed it in; the agent only passes it through. */
  @SuppressWarnings("unchecked")
  private static <C> C carrierOf(Object carrier) {
    return (C) carrier;
  }
}
