package dev.weft.instrumentation.api;

import io.opentelemetry.context.propagation.TextMapGetter;

/**
 * A carrier whose values are bytes (Kafka record headers), which a propagator may read as they are: Weft's
 * {@code tracecontext} propagator checks a {@code traceparent} in those bytes and makes the parent's ids of them,
 * where {@link #get} would first decode every value read into a string of its own (once per record).
 */
public interface ByteValuesGetter<C> extends TextMapGetter<C> {

  /**
   * The last value of {@code key}, or {@code null}: the carrier's own array, which the caller only reads.
   */
  byte[] getBytes(C carrier, String key);
}
