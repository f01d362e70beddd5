package dev.weft.instrumentation.opentelemetryapi;

import java.util.Iterator;

/** The application's {@code TextMapGetter}, as the agent's propagators read through it. */
public interface CarrierReader {
  Iterable<String> keys(Object carrier);

  String get(Object carrier, String key);

  /** Every value of a field the carrier may hold more than once (repeated {@code tracestate} or {@code baggage}). */
  Iterator<String> getAll(Object carrier, String key);
}
