package dev.weft.benchmarks.harness;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * One round of the servlet application under one configuration: the time from launch to its first answer; /chain
 * at saturation to warm up until the JIT compilers are quiet; then the measured phases, each under a trace id of its own so the sink can count its
 * spans: /hello and /chain at saturation (wrk), /chain at a fixed rate; the peak RSS; /chain and /hello at
 * saturation again while the sink answers each export only after {@link Settings#SLOW_COLLECTOR_DELAY}, and the
 * peak RSS with them; and a stop that lets the agent flush (to the slow sink) before the spans are counted. The
 * configurations only of the breakdown, which export nothing, run the phases with a prompt collector only. Apart
 * from the rounds, {@link #measureFixedHeapMemory} measures the peak RSS with a fixed heap.
 */
final class ServletBenchmark {

  private static final double MEGABYTE = 1024 * 1024;

  private final Settings settings;
  private final SpanSink sink;
  private final Wrk wrk;
  private final Results results;

  ServletBenchmark(Settings settings, SpanSink sink, Wrk wrk, Results results) {
    this.settings = settings;
    this.sink = sink;
    this.wrk = wrk;
    this.results = results;
  }

  void run(int round, Agent agent) throws Exception {
    int port = AppProcess.freePort();
    List<String> command = new ArrayList<>();
    command.add(Artifacts.JAVA);
    command.addAll(agent.jvmOptions(Agent.exportingTo(sink.endpoint())));
    command.addAll(List.of("-jar", Artifacts.APP_JAR.toString(), Integer.toString(port)));
    String name = String.format("round %d/%d, %s", round, settings.rounds, agent.label);
    Map<Section, Phase> phases = new EnumMap<>(Section.class);
    Path log = Artifacts.WORK_DIRECTORY.resolve("app-" + round + "-" + agent.id() + ".log");
    try (AppProcess app = AppProcess.start(command, log)) {
      double firstAnswer = app.awaitFirstAnswer(port, "/hello").toNanos() / 1e6;
      if (!agent.breakdownOnly()) {
        results.add(Section.START_UP, Quantity.FIRST_ANSWER, agent, firstAnswer);
      }
      System.out.printf("%s: first answer after %.0f ms%n", name, firstAnswer);
      double warmUp = warmUp(app, port);
      if (!agent.breakdownOnly()) {
        results.add(Section.START_UP, Quantity.WARM_UP, agent, warmUp);
      }
      System.out.printf("%s: warmed up in %.0f s%n", name, warmUp);
      FixedRateLoad fixedRate = new FixedRateLoad(port);
      phases.put(
          Section.HELLO_SATURATED,
          measure(
              app,
              agent,
              name,
              Section.HELLO_SATURATED,
              traceparent ->
                  wrk.run(port, "/hello", traceparent, Settings.CONNECTIONS, settings.helloLoad)));
      phases.put(
          Section.CHAIN_FIXED_RATE,
          measure(
              app,
              agent,
              name,
              Section.CHAIN_FIXED_RATE,
              traceparent ->
                  fixedRate.run(
                      "/chain", traceparent, Settings.CHAINS_PER_SECOND, settings.fixedRateLoad)));
      phases.put(
          Section.CHAIN_SATURATED,
          measure(
              app,
              agent,
              name,
              Section.CHAIN_SATURATED,
              traceparent ->
                  wrk.run(port, "/chain", traceparent, Settings.CONNECTIONS, settings.chainLoad)));
      if (agent.breakdownOnly()) {
        app.stop();
        return;
      }
      results.add(Section.FOOTPRINT, Quantity.PEAK_RSS, agent, app.peakResidentBytes() / MEGABYTE);
      sink.answerAfter(Settings.SLOW_COLLECTOR_DELAY);
      phases.put(
          Section.CHAIN_SLOW_COLLECTOR,
          measure(
              app,
              agent,
              name,
              Section.CHAIN_SLOW_COLLECTOR,
              traceparent ->
                  wrk.run(
                      port,
                      "/chain",
                      traceparent,
                      Settings.CONNECTIONS,
                      settings.slowCollectorLoad)));
      phases.put(
          Section.HELLO_SLOW_COLLECTOR,
          measure(
              app,
              agent,
              name,
              Section.HELLO_SLOW_COLLECTOR,
              traceparent ->
                  wrk.run(
                      port,
                      "/hello",
                      traceparent,
                      Settings.CONNECTIONS,
                      settings.slowCollectorLoad)));
      results.add(
          Section.FOOTPRINT,
          Quantity.PEAK_RSS_SLOW_COLLECTOR,
          agent,
          app.peakResidentBytes() / MEGABYTE);
      app.stop();
    } finally {
      sink.answerAfter(Duration.ZERO);
    }
    if (agent != Agent.NONE) {
      phases.forEach(
          (section, phase) -> {
            double spansPerRequest = (double) sink.spans(phase.trace) / phase.requests;
            results.add(section, Quantity.SPANS_PER_REQUEST, agent, spansPerRequest);
            System.out.printf(
                "%s, %s: %.3f spans delivered per request (%d expected)%n",
                name, section.title(settings), spansPerRequest, section.spansPerRequest);
            if (spansPerRequest == 0) {
              warn(
                  String.format(
                      "%s, %s: no spans delivered, see %s", name, section.title(settings), log));
            }
          });
    }
  }

  /**
   * Starts the application with a {@link Settings#FIXED_HEAP fixed heap}, warms it up, runs /chain and /hello at
   * saturation (as the round's first phases do), and records its peak RSS since launch (VmHWM) and the highest RSS
   * sampled while it served at saturation, then the RSS left once the JVM returned its freed native memory to the
   * OS: the difference is memory the process no longer uses but holds (mostly what the JIT compilers' arenas took
   * for large compilations during the warm-up, which glibc keeps).
   */
  void measureFixedHeapMemory(int round, Agent agent) throws Exception {
    int port = AppProcess.freePort();
    List<String> command = new ArrayList<>();
    command.add(Artifacts.JAVA);
    command.addAll(Settings.FIXED_HEAP);
    command.addAll(agent.jvmOptions(Agent.exportingTo(sink.endpoint())));
    command.addAll(List.of("-jar", Artifacts.APP_JAR.toString(), Integer.toString(port)));
    Path log =
        Artifacts.WORK_DIRECTORY.resolve("app-fixed-heap-" + round + "-" + agent.id() + ".log");
    try (AppProcess app = AppProcess.start(command, log)) {
      app.awaitFirstAnswer(port, "/hello");
      warmUp(app, port);
      String traceparent = TraceId.random().traceparent();
      ResidentSampler sampler = new ResidentSampler(app);
      try (sampler) {
        wrk.run(port, "/chain", traceparent, Settings.CONNECTIONS, settings.chainLoad);
        wrk.run(port, "/hello", traceparent, Settings.CONNECTIONS, settings.helloLoad);
      }
      double underLoad = sampler.highestBytes() / MEGABYTE; // with the last sample, taken on close
      double peak = app.peakResidentBytes() / MEGABYTE;
      results.add(Section.FOOTPRINT, Quantity.PEAK_RSS_FIXED_HEAP, agent, peak);
      results.add(Section.FOOTPRINT, Quantity.RSS_UNDER_LOAD_FIXED_HEAP, agent, underLoad);
      // after the peaks are read: how much of what stays resident the JVM no longer uses
      if (app.trimNativeHeap()) {
        results.add(
            Section.FOOTPRINT,
            Quantity.RSS_TRIMMED_FIXED_HEAP,
            agent,
            app.residentBytes() / MEGABYTE);
      } else {
        results.warnings.add(
            String.format(
                "round %d, %s: jcmd System.trim_native_heap failed (no jcmd beside java, or a JDK before"
                    + " 17.0.9); the trimmed RSS row misses this round",
                round, agent.label));
      }
      System.out.printf(
          "round %d/%d, %s: with a fixed heap, peak RSS since launch %.0f MB, highest RSS at"
              + " saturation %.0f MB%n",
          round, settings.rounds, agent.label, peak, underLoad);
      app.stop();
    }
  }

  /**
   * /chain at saturation for {@link Settings#warmUp}, then slice by slice until the JIT compilers were quiet in a
   * slice or {@link Settings#warmUpLimit} has passed.
   *
   * @return the seconds it took
   */
  private double warmUp(AppProcess app, int port) throws Exception {
    long start = System.nanoTime();
    String traceparent = TraceId.random().traceparent();
    wrk.run(port, "/chain", traceparent, Settings.CONNECTIONS, settings.warmUp);
    while (System.nanoTime() - start < settings.warmUpLimit.toNanos()) {
      long cpuBefore = app.cpuNanos();
      long compilersBefore = app.compilerCpuNanos();
      wrk.run(port, "/chain", traceparent, Settings.CONNECTIONS, Settings.WARM_UP_SLICE);
      long cpu = app.cpuNanos() - cpuBefore;
      if (app.compilerCpuNanos() - compilersBefore <= Settings.QUIET_JIT_SHARE * cpu) {
        break;
      }
    }
    return (System.nanoTime() - start) / 1e9;
  }

  /** Runs {@code load} under a new trace id and records what the application spent on it. */
  private Phase measure(AppProcess app, Agent agent, String name, Section section, Load load)
      throws Exception {
    TraceId trace = TraceId.random();
    long allocatedBefore = app.allocatedBytes();
    long cpuBefore = app.cpuNanos();
    long compilersBefore = app.compilerCpuNanos();
    LoadResult result = load.run(trace.traceparent());
    long cpu = app.cpuNanos() - cpuBefore;
    long compilers = app.compilerCpuNanos() - compilersBefore;
    long allocated = app.allocatedBytes() - allocatedBefore;
    results.add(section, Quantity.THROUGHPUT, agent, result.requestsPerSecond());
    results.add(section, Quantity.LATENCY_P50, agent, result.p50Millis);
    results.add(section, Quantity.LATENCY_P99, agent, result.p99Millis);
    results.add(section, Quantity.CPU_PER_REQUEST, agent, cpu / 1e3 / result.requests);
    results.add(section, Quantity.JIT_CPU_PER_REQUEST, agent, compilers / 1e3 / result.requests);
    results.add(section, Quantity.JIT_SHARE_OF_REQUESTS, agent, 100.0 * compilers / cpu);
    results.add(
        section,
        Quantity.CPU_PER_REQUEST_WITHOUT_JIT,
        agent,
        (cpu - compilers) / 1e3 / result.requests);
    results.add(
        section, Quantity.ALLOCATED_PER_REQUEST, agent, allocated / 1024.0 / result.requests);
    System.out.printf(
        "%s, %s: %,.0f requests/s, p50 %.2f ms, p99 %.2f ms, %.1f µs CPU per request (%.1f of it"
            + " JIT compilers)%n",
        name,
        section.title(settings),
        result.requestsPerSecond(),
        result.p50Millis,
        result.p99Millis,
        cpu / 1e3 / result.requests,
        compilers / 1e3 / result.requests);
    if (result.errors > 0) {
      warn(
          String.format(
              "%s, %s: %d failed requests", name, section.title(settings), result.errors));
    }
    return new Phase(trace, result.requests);
  }

  private void warn(String warning) {
    results.warnings.add(warning);
    System.out.println(warning);
  }

  /** One load run, given the {@code traceparent} its requests carry. */
  private interface Load {
    LoadResult run(String traceparent) throws Exception;
  }

  /** A measured phase, remembered until the application has stopped and its spans can be counted. */
  private static final class Phase {
    final TraceId trace;
    final long requests;

    Phase(TraceId trace, long requests) {
      this.trace = trace;
      this.requests = requests;
    }
  }
}
