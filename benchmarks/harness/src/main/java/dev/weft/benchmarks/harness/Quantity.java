package dev.weft.benchmarks.harness;

/** What a row of the report measures, with its unit and how many decimals it deserves. */
enum Quantity {
  HELLO_WORLD_WALL("hello-world `main`, wall time (ms)", 0),
  FIRST_ANSWER("servlet app, launch to first answer (ms)", 0),
  WARM_UP("servlet app, `/chain` warm-up until the JIT compilers are quiet (s)", 0),
  SPRING_BOOT_FIRST_ANSWER("Spring Boot 4 app (MVC, JDBC on H2), launch to first answer (ms)", 0),
  SPANS_PER_REQUEST("spans delivered per request", 2),
  THROUGHPUT("throughput (requests/s)", 0),
  LATENCY_P50("latency p50 (ms)", 2),
  LATENCY_P99("latency p99 (ms)", 2),
  CPU_PER_REQUEST("CPU time per request (µs)", 1),
  JIT_CPU_PER_REQUEST("of it, the JIT compiler threads (µs)", 1),
  JIT_SHARE_OF_REQUESTS(Labels.JIT_SHARE, 1),
  CPU_PER_REQUEST_WITHOUT_JIT("CPU time per request without the JIT compiler threads (µs)", 1),
  ALLOCATED_PER_REQUEST("allocated per request (KB)", 1),
  SPANS_PER_RECORD("spans delivered per record", 2),
  RECORD_THROUGHPUT("throughput (records/s)", 0),
  CPU_PER_RECORD("CPU time per record (µs)", 2),
  JIT_CPU_PER_RECORD("of it, the JIT compiler threads (µs)", 2),
  JIT_SHARE_OF_RECORDS(Labels.JIT_SHARE, 1),
  CPU_PER_RECORD_WITHOUT_JIT("CPU time per record without the JIT compiler threads (µs)", 2),
  PEAK_RSS("servlet app peak RSS, prompt collector (MB)", 0),
  PEAK_RSS_FIXED_HEAP(
      "servlet app peak RSS, fixed heap (`"
          + String.join(" ", Settings.FIXED_HEAP)
          + "`), prompt collector (MB)",
      0),
  RSS_UNDER_LOAD_FIXED_HEAP(
      "servlet app highest RSS sampled during `/chain` and `/hello` at saturation, fixed heap (MB)",
      0),
  RSS_TRIMMED_FIXED_HEAP(
      "of it, still resident once the JVM returned freed native memory to the OS"
          + " (`jcmd PID System.trim_native_heap`), fixed heap (MB)",
      0),
  PEAK_RSS_SLOW_COLLECTOR("servlet app peak RSS, slow-collector phases included (MB)", 0),
  JAR_SIZE("agent jar (MB)", 1);

  final String label;

  /** Labels of rows in more than one section, each with its own quantity so that it keeps its place there. */
  private static final class Labels {
    static final String JIT_SHARE = "the JIT compiler threads' share of the CPU time (%)";
  }

  final int decimals;

  Quantity(String label, int decimals) {
    this.label = label;
    this.decimals = decimals;
  }
}
