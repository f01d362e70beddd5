package dev.weft.benchmarks.harness;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * How long and how often to measure: the full run, or a quick one ({@code --quick}) that only checks the harness
 * works; {@code --only startup|servlet|kafka|jmh} runs one benchmark, to see where a change moved the cost without
 * waiting for the rest; {@code --rounds N} sets the number of interleaved rounds (5 in a full run, 2 in a quick one),
 * to fit a full run into the time at hand (each full servlet round takes about 10 minutes on two cores).
 */
final class Settings {

  /** wrk's connections: enough to keep both cores of the benchmark machine busy with /chain. */
  static final int CONNECTIONS = 16;

  /**
   * The fixed rate of /chain requests: well below what the slowest configuration serves at saturation on two
   * cores, and high enough that the JVM's background work (compilation, GC) does not dominate the CPU per request.
   */
  static final int CHAINS_PER_SECOND = 2000;

  /**
   * How long the sink waits before it answers an export in the slow-collector phases: a collector in another zone,
   * or a busy one. An exporter that sends one batch at a time delivers at most one batch per this delay.
   */
  static final Duration SLOW_COLLECTOR_DELAY = Duration.ofMillis(100);

  /**
   * The heap of the fixed-heap memory runs, the same for every configuration and touched whole at start, so that
   * their peak RSS differ by what lies outside the heap (classes, code, threads, buffers) and not by how G1 sized
   * the heap.
   */
  static final List<String> FIXED_HEAP = List.of("-Xms512m", "-Xmx512m", "-XX:+AlwaysPreTouch");

  /** The warm-up runs in slices of this length until one in which the JIT compilers were quiet. */
  static final Duration WARM_UP_SLICE = Duration.ofSeconds(2);

  /**
   * Quiet: the JIT compiler threads spent at most this share of the application's CPU time in a warm-up slice
   * (they never stop for good: a rarely taken branch, a deoptimization, recompiles a method now and then).
   */
  static final double QUIET_JIT_SHARE = 0.02;

  final boolean quick;

  /** Interleaved rounds of the servlet application: no agent, Weft, OpenTelemetry agent, then again. */
  final int rounds;

  /** Interleaved runs of the hello-world main per configuration. */
  final int helloWorldRuns;

  /**
   * /chain at saturation before anything is measured: at least this long, then until the JIT compilers are quiet
   * (see {@link #QUIET_JIT_SHARE}), for at most {@link #warmUpLimit} in all.
   */
  final Duration warmUp;

  final Duration warmUpLimit;

  final Duration helloLoad;
  final Duration fixedRateLoad;
  final Duration chainLoad;

  /** Each of /chain and /hello at saturation while the collector answers after {@link #SLOW_COLLECTOR_DELAY}. */
  final Duration slowCollectorLoad;

  /** Records in each topic of the Kafka consumer benchmark (100 bytes each). */
  final int kafkaRecords;

  /** JMH forks, warm-up and measured iterations (1 s each). */
  final List<String> jmhOptions;

  final Path output;

  /** The one benchmark to run, or null for all. */
  private final String only;

  /** The options the run was started with, as the report quotes them. */
  final String options;

  private Settings(boolean quick, String only, Integer rounds, String options) {
    this.quick = quick;
    this.only = only;
    this.options = options;
    this.rounds = rounds != null ? rounds : quick ? 2 : 5;
    helloWorldRuns = quick ? 3 : 10;
    warmUp = Duration.ofSeconds(quick ? 5 : 20);
    warmUpLimit = Duration.ofSeconds(quick ? 30 : 120);
    helloLoad = Duration.ofSeconds(quick ? 3 : 10);
    fixedRateLoad = Duration.ofSeconds(quick ? 3 : 10);
    chainLoad = Duration.ofSeconds(quick ? 5 : 20);
    slowCollectorLoad = Duration.ofSeconds(quick ? 5 : 10);
    kafkaRecords = quick ? 200_000 : 1_000_000;
    jmhOptions =
        quick
            ? List.of("-f", "1", "-wi", "1", "-i", "2", "-w", "1s", "-r", "1s")
            : List.of("-f", "2", "-wi", "3", "-i", "4", "-w", "1s", "-r", "1s");
    if (only != null) {
      output = Artifacts.WORK_DIRECTORY.resolve("results-" + only + (quick ? "-quick.md" : ".md"));
    } else {
      output =
          quick
              ? Artifacts.WORK_DIRECTORY.resolve("results-quick.md")
              : Paths.get("benchmarks/results.md");
    }
  }

  /** Whether to run the benchmark of this name (startup, servlet, kafka, jmh). */
  boolean runs(String benchmark) {
    return only == null || only.equals(benchmark);
  }

  static Settings fromArguments(String[] arguments) {
    List<String> rest = new ArrayList<>(List.of(arguments));
    boolean quick = rest.remove("--quick");
    String only = null;
    int onlyAt = rest.indexOf("--only");
    if (onlyAt >= 0 && onlyAt + 1 < rest.size() && BENCHMARKS.contains(rest.get(onlyAt + 1))) {
      only = rest.remove(onlyAt + 1);
      rest.remove(onlyAt);
    }
    Integer rounds = null;
    int roundsAt = rest.indexOf("--rounds");
    if (roundsAt >= 0
        && roundsAt + 1 < rest.size()
        && rest.get(roundsAt + 1).matches("[1-9][0-9]?")) {
      rounds = Integer.valueOf(rest.remove(roundsAt + 1));
      rest.remove(roundsAt);
    }
    if (!rest.isEmpty()) {
      throw new IllegalArgumentException(
          "usage: benchmarks/run.sh [--quick] [--only startup|servlet|kafka|jmh] [--rounds 1-99]");
    }
    return new Settings(quick, only, rounds, String.join(" ", arguments));
  }

  private static final List<String> BENCHMARKS = List.of("startup", "servlet", "kafka", "jmh");
}
