package dev.weft.benchmarks.harness;

import java.util.concurrent.ThreadLocalRandom;

/**
 * A 128-bit trace id. Every request of one measured phase carries the same {@code traceparent}, so the sink can
 * tell that phase's spans from all others however late they arrive.
 */
final class TraceId {

  private final long high;
  private final long low;

  TraceId(long high, long low) {
    this.high = high;
    this.low = low;
  }

  static TraceId random() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    return new TraceId(random.nextLong(), random.nextLong() | 1); // never the invalid all-zero id
  }

  /** A W3C {@code traceparent} header value: this trace, a fixed parent span, sampled. */
  String traceparent() {
    return String.format("00-%016x%016x-00f067aa0ba902b7-01", high, low);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof TraceId
        && ((TraceId) other).high == high
        && ((TraceId) other).low == low;
  }

  @Override
  public int hashCode() {
    return Long.hashCode(high) * 31 + Long.hashCode(low);
  }
}
