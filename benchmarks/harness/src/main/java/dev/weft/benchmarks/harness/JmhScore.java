package dev.weft.benchmarks.harness;

/** One JMH result: the mean time per operation and its 99.9% confidence half-width, in nanoseconds. */
final class JmhScore {

  final double nanos;
  final double error;

  JmhScore(double nanos, double error) {
    this.nanos = nanos;
    this.error = error;
  }
}
