package dev.weft.benchmarks.harness;

import java.nio.file.Files;
import java.util.List;

/**
 * Runs every benchmark and writes the report: {@code java -jar weft-bench-harness.jar [--quick] [--only
 * startup|servlet|kafka|jmh] [--rounds N]} from the
 * repository root, as {@code benchmarks/run.sh} does. The JDK running it is the JDK under test.
 */
public final class Main {

  private static final double MEGABYTE = 1024 * 1024;

  private Main() {}

  public static void main(String[] arguments) throws Exception {
    long started = System.nanoTime();
    Settings settings = Settings.fromArguments(arguments);
    Files.createDirectories(Artifacts.WORK_DIRECTORY);
    Agent.copyJars();
    List<String> machine = Machine.describe(); // before the run, while the tree is the one measured
    // whatever stops the harness, no application, wrk or JMH fork outlives it
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () ->
                    ProcessHandle.current().descendants().forEach(ProcessHandle::destroyForcibly)));

    Results results = new Results();
    try (SpanSink sink = SpanSink.start()) {
      if (settings.runs("startup")) {
        new StartupBenchmark(settings, sink, results).run();
      }
      if (settings.runs("servlet")) {
        ServletBenchmark servlet =
            new ServletBenchmark(settings, sink, new Wrk(Artifacts.WORK_DIRECTORY), results);
        for (int round = 1; round <= settings.rounds; round++) {
          for (Agent agent : Agent.values()) {
            servlet.run(round, agent);
          }
          for (Agent agent : Agent.COMPARED) {
            servlet.measureFixedHeapMemory(round, agent);
          }
        }
      }
      if (settings.runs("kafka")) {
        new KafkaBenchmark(settings, sink, results).run();
      }
    }
    if (settings.runs("jmh")) {
      new JmhBenchmarks(settings, results).run();
    }
    for (Agent agent : new Agent[] {Agent.WEFT, Agent.OPENTELEMETRY}) {
      results.add(Section.FOOTPRINT, Quantity.JAR_SIZE, agent, Files.size(agent.jar) / MEGABYTE);
    }

    String report = new Report(settings, machine, results).markdown();
    Files.writeString(settings.output, report);
    System.out.println();
    System.out.print(report);
    System.out.println();
    System.out.printf(
        "written to %s after %d minutes%n",
        settings.output, (System.nanoTime() - started) / 60_000_000_000L);
  }
}
