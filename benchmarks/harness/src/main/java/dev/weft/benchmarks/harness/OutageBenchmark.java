package dev.weft.benchmarks.harness;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A collector outage under moderate load: the servlet application with no agent and with Weft, side by side, each
 * serving {@code /chain} at {@value #RATE} requests/s throughout; the collector answers for the first phase, is gone
 * (connections refused) for the outage, then is back. Every {@value #SAMPLE_SECONDS} s the resident memory of both
 * is sampled; at the end the spans delivered per phase, and what the agent said it lost, are reported.
 * {@code java -cp weft-bench-harness.jar dev.weft.benchmarks.harness.OutageBenchmark [outage minutes]} from the
 * repository root (benchmarks/outage.sh), writing benchmarks/target/run/outage.md.
 */
public final class OutageBenchmark {

  static final int RATE = 500;
  private static final int SAMPLE_SECONDS = 10;
  private static final Duration BEFORE = Duration.ofSeconds(60);
  private static final Duration AFTER = Duration.ofSeconds(120);

  private OutageBenchmark() {}

  public static void main(String[] arguments) throws Exception {
    Duration outage = Duration.ofMinutes(arguments.length > 0 ? Long.parseLong(arguments[0]) : 10);
    Files.createDirectories(Artifacts.WORK_DIRECTORY);
    Agent.copyJars();
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () ->
                    ProcessHandle.current().descendants().forEach(ProcessHandle::destroyForcibly)));
    List<String> report = new ArrayList<>();
    SpanSink sink = SpanSink.start();
    int sinkPort =
        Integer.parseInt(sink.endpoint().substring(sink.endpoint().lastIndexOf(':') + 1));
    int nonePort = freePort();
    int weftPort = freePort();
    Path weftLog = Artifacts.WORK_DIRECTORY.resolve("outage-weft.log");
    try (AppProcess none =
            start(Agent.NONE, sink, nonePort, Artifacts.WORK_DIRECTORY.resolve("outage-none.log"));
        AppProcess weft = start(Agent.WEFT, sink, weftPort, weftLog)) {
      none.awaitFirstAnswer(nonePort, "/hello");
      weft.awaitFirstAnswer(weftPort, "/hello");
      AtomicBoolean sampling = new AtomicBoolean(true);
      long startNanos = System.nanoTime();
      report.add("| time (s) | phase | no agent RSS (MB) | Weft RSS (MB) |");
      report.add("|---:|---|---:|---:|");
      String[] phase = {"collector up"};
      Thread sampler =
          new Thread(
              () -> {
                while (sampling.get()) {
                  try {
                    String line =
                        String.format(
                            Locale.ROOT,
                            "| %d | %s | %.0f | %.0f |",
                            (System.nanoTime() - startNanos) / 1_000_000_000L,
                            phase[0],
                            none.residentBytes() / 1048576.0,
                            weft.residentBytes() / 1048576.0);
                    synchronized (report) {
                      report.add(line);
                    }
                    System.out.println(line);
                    Thread.sleep(SAMPLE_SECONDS * 1000L);
                  } catch (IOException | InterruptedException e) {
                    return;
                  }
                }
              },
              "rss-sampler");
      sampler.start();

      TraceId up = TraceId.random();
      long[] upRequests = load(nonePort, weftPort, up, BEFORE);
      long upSpans =
          sink.spans(up); // the sink back after the outage is a new one, which counts from zero
      sink.close();
      phase[0] = "collector down";
      TraceId down = TraceId.random();
      long[] downRequests = load(nonePort, weftPort, down, outage);
      sink = SpanSink.start(sinkPort);
      phase[0] = "collector back";
      TraceId back = TraceId.random();
      long[] backRequests = load(nonePort, weftPort, back, AFTER);
      sampling.set(false);
      sampler.interrupt();
      sampler.join();
      report.add("");
      report.add(
          String.format(
              Locale.ROOT,
              "peak RSS: no agent %.0f MB, Weft %.0f MB",
              none.peakResidentBytes() / 1048576.0,
              weft.peakResidentBytes() / 1048576.0));
      weft.stop();
      report.add("");
      report.add("| phase | Weft's requests | spans delivered | expected (3 per request) |");
      report.add("|---|---:|---:|---:|");
      report.add(
          row(
              "collector up, " + BEFORE.toSeconds() + " s",
              upRequests[1],
              upSpans + sink.spans(up)));
      report.add(
          row("collector down, " + outage.toMinutes() + " min", downRequests[1], sink.spans(down)));
      report.add(
          row("collector back, " + AFTER.toSeconds() + " s", backRequests[1], sink.spans(back)));
      report.add("");
      report.add("What Weft said (stderr):");
      report.add("");
      for (String line : Files.readAllLines(weftLog)) {
        if (line.contains("[weft]")) {
          report.add("    " + line);
        }
      }
    } finally {
      sink.close();
    }
    Path output = Paths.get("benchmarks/target/run/outage.md");
    Files.write(output, report);
    report.forEach(System.out::println);
    System.out.println("written to " + output);
  }

  private static String row(String phase, long requests, long spans) {
    return String.format(
        Locale.ROOT, "| %s | %,d | %,d | %,d |", phase, requests, spans, 3 * requests);
  }

  private static AppProcess start(Agent agent, SpanSink sink, int port, Path log)
      throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Artifacts.JAVA);
    command.addAll(agent.jvmOptions(Agent.exportingTo(sink.endpoint())));
    command.addAll(List.of("-jar", Artifacts.APP_JAR.toString(), Integer.toString(port)));
    return AppProcess.start(command, log);
  }

  /** {@code /chain} at {@link #RATE} on both applications at once for {@code duration}; the requests answered. */
  private static long[] load(int nonePort, int weftPort, TraceId trace, Duration duration)
      throws Exception {
    long[] answered = new long[2];
    Thread noneLoad =
        new Thread(
            () -> {
              try {
                answered[0] =
                    new FixedRateLoad(nonePort)
                        .run("/chain", trace.traceparent(), RATE, duration)
                        .requests;
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            });
    noneLoad.start();
    answered[1] =
        new FixedRateLoad(weftPort).run("/chain", trace.traceparent(), RATE, duration).requests;
    noneLoad.join();
    return answered;
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
