package dev.weft.instrumentation.opentelemetryapi;

import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.opentelemetry.context.propagation.TextMapSetter;
import java.util.Collection;
import java.util.Iterator;

/** The agent's configured propagators ({@code otel.propagators}), for the application's bridged ones. */
public final class AgentPropagation {

  private AgentPropagation() {}

  private static TextMapPropagator propagator() {
    return GlobalOpenTelemetry.getPropagators().getTextMapPropagator();
  }

  public static Collection<String> fields() {
    return propagator().fields();
  }

  public static void inject(Object context, Object carrier, CarrierWriter writer) {
    TextMapSetter<Object> setter = writer::set;
    propagator().inject((Context) context, carrier, setter);
  }

  /** @return the agent's {@code Context}: {@code context} with what the carrier holds */
  public static Object extract(Object context, Object carrier, CarrierReader reader) {
    return propagator()
        .extract(
            (Context) context,
            carrier,
            new TextMapGetter<Object>() {
              @Override
              public Iterable<String> keys(Object from) {
                return reader.keys(from);
              }

              @Override
              public String get(Object from, String key) {
                return reader.get(from, key);
              }

              @Override
              public Iterator<String> getAll(Object from, String key) {
                return reader.getAll(from, key);
              }
            });
  }
}
