package dev.weft.instrumentation.opentelemetryapi;

/** The application's {@code TextMapGetter}, as the agent's propagators read through it. */
public interface CarrierReader {
  Iterable<String> keys(Object carrier);

  String get(Object carrier, String key);
}
