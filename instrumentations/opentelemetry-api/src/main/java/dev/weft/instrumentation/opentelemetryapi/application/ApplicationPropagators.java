package dev.weft.instrumentation.opentelemetryapi.application;

import dev.weft.instrumentation.api.NewerLibraryOnly;
import dev.weft.instrumentation.opentelemetryapi.AgentPropagation;
import dev.weft.instrumentation.opentelemetryapi.CarrierReader;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.opentelemetry.context.propagation.TextMapSetter;
import java.util.Collection;
import java.util.Collections;
import java.util.Iterator;

/**
 * The application's propagators: the agent's, as configured by {@code otel.propagators}, reading and writing the
 * application's carriers through its getters and setters.
 */
final class ApplicationPropagators implements ContextPropagators, TextMapPropagator {

  static final ApplicationPropagators INSTANCE = new ApplicationPropagators();

  /**
   * Whether the application's API has {@code TextMapGetter.getAll} (stable since 2025): then repeated {@code tracestate}
   * and {@code baggage} fields reach the agent's propagators whole; with an older API, as one value each.
   */
  private static final boolean GETTER_HAS_GET_ALL = declaresGetAll();

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

              @Override
              public Iterator<String> getAll(Object from, String key) {
                if (GETTER_HAS_GET_ALL) {
                  return allValues(getter, carrierOf(from), key);
                }
                String value = getter.get(carrierOf(from), key);
                return value == null
                    ? Collections.emptyIterator()
                    : Collections.singletonList(value).iterator();
              }
            });
    Context bridged = BridgedContext.fromAgent(extracted);
    return bridged == null ? Context.root() : bridged;
  }

  /** Called only when {@link #GETTER_HAS_GET_ALL}. */
  @NewerLibraryOnly("opentelemetry-api with TextMapGetter.getAll (2025 and later)")
  private static <C> Iterator<String> allValues(TextMapGetter<C> getter, C carrier, String key) {
    return getter.getAll(carrier, key);
  }

  private static boolean declaresGetAll() {
    try {
      TextMapGetter.class.getMethod("getAll", Object.class, String.class);
      return true;
    } catch (NoSuchMethodException e) {
      return false;
    }
  }

  /** The carrier as the application handed it in; the agent only passes it through. */
  @SuppressWarnings("unchecked")
  private static <C> C carrierOf(Object carrier) {
    return (C) carrier;
  }
}
