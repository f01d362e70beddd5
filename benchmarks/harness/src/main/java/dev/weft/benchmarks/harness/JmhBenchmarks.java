package dev.weft.benchmarks.harness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs the JMH jar: the OpenTelemetry SDK's hot paths once, without an agent (they are the SDK Weft ships, called
 * directly), and the advice dispatch benchmark once per configuration, the agent attached to JMH's forks.
 */
final class JmhBenchmarks {

  /**
   * The benchmarks of code called directly, without an agent (a regular expression JMH finds in each benchmark's
   * full name): not {@code WithSpanBenchmark}, which means something only with an agent attached.
   */
  private static final String SDK_BENCHMARKS =
      "\\.(SpanBenchmark|PropagationBenchmark|ApplicationApiSpanBenchmark|JdbcSpanBenchmark)\\.";

  private static final String ADVICE_DISPATCH = "AdviceDispatchBenchmark";

  private final Settings settings;
  private final Results results;

  JmhBenchmarks(Settings settings, Results results) {
    this.settings = settings;
    this.results = results;
  }

  void run() throws IOException, InterruptedException {
    results.sdkBenchmarks.putAll(run(SDK_BENCHMARKS, List.of(), "jmh-sdk"));
    for (Agent agent : Agent.COMPARED) {
      Map<String, JmhScore> dispatch =
          run(
              ADVICE_DISPATCH,
              agent.jvmOptions(Agent.exportingNothing()),
              "jmh-dispatch-" + agent.id());
      results.adviceDispatch.put(agent, dispatch.values().iterator().next());
    }
  }

  /** Runs the benchmarks matching {@code include}; returns their scores by short name (Class.method). */
  private Map<String, JmhScore> run(String include, List<String> forkOptions, String name)
      throws IOException, InterruptedException {
    Path csv = Artifacts.WORK_DIRECTORY.resolve(name + ".csv");
    List<String> command =
        new ArrayList<>(
            List.of(
                Artifacts.JAVA,
                "-Duser.language=en",
                "-Duser.country=US", // a decimal point in the CSV, whatever the machine's locale
                "-jar",
                Artifacts.JMH_JAR.toString(),
                include,
                "-rf",
                "csv",
                "-rff",
                csv.toString()));
    command.addAll(settings.jmhOptions);
    if (!forkOptions.isEmpty()) {
      command.addAll(List.of("-jvmArgsAppend", String.join(" ", forkOptions)));
    }
    System.out.println("JMH " + name + " ...");
    Process jmh =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(Artifacts.WORK_DIRECTORY.resolve(name + ".log").toFile())
            .start();
    if (jmh.waitFor() != 0) {
      throw new IOException("JMH failed, see " + Artifacts.WORK_DIRECTORY.resolve(name + ".log"));
    }
    return parse(Files.readAllLines(csv));
  }

  /** JMH's CSV: "Benchmark","Mode","Threads","Samples","Score","Score Error (99.9%)","Unit". */
  private static Map<String, JmhScore> parse(List<String> csv) {
    Map<String, JmhScore> scores = new LinkedHashMap<>();
    for (String line : csv.subList(1, csv.size())) {
      String[] columns = line.split(",");
      String benchmark = columns[0].replace("\"", "");
      String shortName =
          benchmark.substring(benchmark.lastIndexOf('.', benchmark.lastIndexOf('.') - 1) + 1);
      scores.put(
          shortName, new JmhScore(Double.parseDouble(columns[4]), Double.parseDouble(columns[5])));
    }
    return scores;
  }
}
