package dev.weft.benchmarks.harness;

/** What one load run got: answered requests, failures, how long it ran, and the latency percentiles. */
final class LoadResult {

  final long requests;
  final long errors;
  final double seconds;
  final double p50Millis;
  final double p99Millis;

  LoadResult(long requests, long errors, double seconds, double p50Millis, double p99Millis) {
    this.requests = requests;
    this.errors = errors;
    this.seconds = seconds;
    this.p50Millis = p50Millis;
    this.p99Millis = p99Millis;
  }

  double requestsPerSecond() {
    return requests / seconds;
  }
}
