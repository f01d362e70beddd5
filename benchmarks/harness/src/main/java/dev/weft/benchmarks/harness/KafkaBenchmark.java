package dev.weft.benchmarks.harness;

import dev.weft.kafkabroker.LocalKafkaBroker;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A Kafka consumer's cost per record: a real broker (KRaft, in a JVM of its own) holds two topics of
 * {@link Settings#kafkaRecords} 100-byte records each, one whose records all carry the same sampled
 * {@code traceparent} header and one without headers; then, in interleaved rounds, a plain poll loop reads each topic
 * from its start under each configuration. The consumer reports its process's CPU time from its first record to its
 * last, of which the harness takes its JIT compiler threads' part apart (the poll loop reads the topic once, with no
 * warm-up: that part is the one-time cost of compiling the consumer and the agent); the spans of the traced topic's trace that reach the sink, once the consumer has exited (and flushed), are
 * counted per record.
 */
final class KafkaBenchmark {

  private static final String CONSUMER = "dev.weft.benchmarks.kafka.ConsumeLoop";
  private static final String PRODUCER = "dev.weft.benchmarks.kafka.ProduceRecords";
  private static final String TRACED_TOPIC = "records-traced";
  private static final String UNTRACED_TOPIC = "records-untraced";
  private static final long CONSUMER_LIMIT_MINUTES = 10;

  private final Settings settings;
  private final SpanSink sink;
  private final Results results;

  KafkaBenchmark(Settings settings, SpanSink sink, Results results) {
    this.settings = settings;
    this.sink = sink;
    this.results = results;
  }

  void run() throws IOException, InterruptedException {
    Path data = Artifacts.WORK_DIRECTORY.resolve("kafka");
    deleteRecursively(data);
    TraceId trace = TraceId.random();
    try (LocalKafkaBroker broker = LocalKafkaBroker.start(data)) {
      String servers = broker.bootstrapServers();
      produce(servers, TRACED_TOPIC, trace.traceparent());
      produce(servers, UNTRACED_TOPIC, "-");
      for (int round = 1; round <= settings.rounds; round++) {
        for (Agent agent : Agent.COMPARED) {
          consume(servers, round, agent, Section.KAFKA_TRACED, TRACED_TOPIC, trace);
          consume(servers, round, agent, Section.KAFKA_UNTRACED, UNTRACED_TOPIC, null);
        }
      }
    } finally {
      deleteRecursively(data);
    }
  }

  /** Fills {@code topic}; {@code traceparent} is the header of every record, or {@code -} for none. */
  private void produce(String servers, String topic, String traceparent)
      throws IOException, InterruptedException {
    runToEnd(kafkaApp(List.of(), PRODUCER, servers, topic, traceparent), "kafka-produce-" + topic);
  }

  /** One consumer run; {@code trace} is the trace of the topic's records, or null when they carry none. */
  private void consume(
      String servers, int round, Agent agent, Section section, String topic, TraceId trace)
      throws IOException, InterruptedException {
    long spansBefore = trace == null ? 0 : sink.spans(trace);
    List<String> command =
        kafkaApp(
            agent.jvmOptions(Agent.exportingTo(sink.endpoint())),
            CONSUMER,
            servers,
            topic,
            "group-" + round + "-" + agent.id() + "-" + topic);
    String name =
        String.format(
            "round %d/%d, %s, %s", round, settings.rounds, agent.label, section.title(settings));
    Output output = runToEnd(command, "kafka-consume-" + round + "-" + agent.id() + "-" + topic);
    String[] answer = output.consumed.split(" ");
    long records = Long.parseLong(answer[1]);
    double cpuMicros = output.cpuNanos / 1e3;
    double compilerMicros = output.compilerNanos / 1e3;
    double seconds = Long.parseLong(answer[2]) / 1e9;
    results.add(section, Quantity.CPU_PER_RECORD, agent, cpuMicros / records);
    results.add(section, Quantity.JIT_CPU_PER_RECORD, agent, compilerMicros / records);
    results.add(section, Quantity.JIT_SHARE_OF_RECORDS, agent, 100 * compilerMicros / cpuMicros);
    results.add(
        section,
        Quantity.CPU_PER_RECORD_WITHOUT_JIT,
        agent,
        (cpuMicros - compilerMicros) / records);
    results.add(section, Quantity.RECORD_THROUGHPUT, agent, records / seconds);
    System.out.printf(
        "%s: %.2f µs CPU per record (%.2f of it JIT compilers), %,.0f records/s%n",
        name, cpuMicros / records, compilerMicros / records, records / seconds);
    if (trace != null && agent != Agent.NONE) {
      double spansPerRecord = (double) (sink.spans(trace) - spansBefore) / records;
      results.add(section, Quantity.SPANS_PER_RECORD, agent, spansPerRecord);
      System.out.printf("%s: %.3f spans delivered per record%n", name, spansPerRecord);
    }
  }

  /** A JVM running {@code mainClass} of the Kafka application: {@code servers topic records lastArgument}. */
  private List<String> kafkaApp(
      List<String> jvmOptions,
      String mainClass,
      String servers,
      String topic,
      String lastArgument) {
    List<String> command = new ArrayList<>();
    command.add(Artifacts.JAVA);
    command.addAll(jvmOptions);
    command.addAll(
        List.of(
            "-cp",
            Artifacts.KAFKA_APP_JAR.toString(),
            mainClass,
            servers,
            topic,
            Integer.toString(settings.kafkaRecords),
            lastArgument));
    return command;
  }

  /**
   * Runs {@code command} to its end. A consumer's CPU time, all of it and its JIT compiler threads', is read when it
   * says it has its first records and when it says what it consumed, both at the same moments; then its stdin is
   * closed, which lets it exit.
   */
  private static Output runToEnd(List<String> command, String name)
      throws IOException, InterruptedException {
    Path log = Artifacts.WORK_DIRECTORY.resolve(name + ".log");
    Process process = new ProcessBuilder(command).redirectError(log.toFile()).start();
    Output output = new Output();
    long cpuAtFirst = 0;
    long compilersAtFirst = 0;
    try (BufferedReader out =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = out.readLine(); line != null; line = out.readLine()) {
        if (line.equals("first record")) {
          cpuAtFirst = ProcStat.cpuNanos(process.pid());
          compilersAtFirst = ProcStat.compilerCpuNanos(process.pid());
        } else if (line.startsWith("consumed ")) {
          output.cpuNanos = ProcStat.cpuNanos(process.pid()) - cpuAtFirst;
          output.compilerNanos = ProcStat.compilerCpuNanos(process.pid()) - compilersAtFirst;
          output.consumed = line;
          process.getOutputStream().close();
        }
      }
    }
    if (!process.waitFor(CONSUMER_LIMIT_MINUTES, TimeUnit.MINUTES)) {
      process.destroyForcibly().waitFor();
      throw new IOException(
          name + " did not end within " + CONSUMER_LIMIT_MINUTES + " minutes, see " + log);
    }
    if (process.exitValue() != 0) {
      throw new IOException(name + " exited with " + process.exitValue() + ", see " + log);
    }
    return output;
  }

  /**
   * What a consumer said (its {@code consumed} line), and its CPU time from first record to last: all of it, and its
   * JIT compilers'.
   */
  private static final class Output {
    String consumed = "";
    long cpuNanos;
    long compilerNanos;
  }

  private static void deleteRecursively(Path directory) throws IOException {
    if (!Files.exists(directory)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(directory)) {
      for (Path path : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
        Files.delete(path);
      }
    }
  }
}
