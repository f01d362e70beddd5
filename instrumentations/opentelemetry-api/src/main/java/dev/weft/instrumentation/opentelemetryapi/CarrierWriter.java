package dev.weft.instrumentation.opentelemetryapi;

/** The application's {@code TextMapSetter}, as the agent's propagators write through it. */
@FunctionalInterface
public interface CarrierWriter {
  void set(Object carrier, String key, String value);
}
