package dev.weft.kafkabroker;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A single-node Kafka broker in KRaft mode (broker and controller in one JVM, no agent), listening on a free
 * loopback port, with its data in a directory of the caller's. Topics are created on first use, with one
 * partition.
 */
public final class LocalKafkaBroker implements AutoCloseable {

  private static final long READY_SECONDS = 60;

  private final Process process;
  private final String bootstrapServers;
  private final StringBuffer log = new StringBuffer();

  private LocalKafkaBroker(Process process, String bootstrapServers) {
    this.process = process;
    this.bootstrapServers = bootstrapServers;
  }

  /** Formats the storage in {@code dataDirectory}, starts the broker and waits until it says it has started. */
  public static LocalKafkaBroker start(Path dataDirectory)
      throws IOException, InterruptedException {
    int port = freePort();
    int controllerPort = freePort();
    Path config = dataDirectory.resolve("server.properties");
    Files.createDirectories(dataDirectory);
    Files.writeString(
        config,
        String.join(
            "\n",
            "process.roles=broker,controller",
            "node.id=1",
            "controller.quorum.voters=1@127.0.0.1:" + controllerPort,
            "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
            "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
            "controller.listener.names=CONTROLLER",
            "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
            "inter.broker.listener.name=PLAINTEXT",
            "log.dirs=" + dataDirectory.resolve("logs"),
            "num.partitions=1",
            "auto.create.topics.enable=true",
            "offsets.topic.replication.factor=1",
            "transaction.state.log.replication.factor=1",
            "transaction.state.log.min.isr=1",
            "share.coordinator.state.topic.replication.factor=1",
            "share.coordinator.state.topic.min.isr=1",
            // a consumer joining an empty group gets its partitions at once
            "group.initial.rebalance.delay.ms=0",
            ""));
    // --cluster-id=ID, not "-t ID": a random id may start with '-', which the tool would take for
    // an option
    Process format =
        new ProcessBuilder(
                command(
                    "kafka.tools.StorageTool",
                    "format",
                    "--cluster-id=" + clusterId(),
                    "-c",
                    config.toString()))
            .redirectErrorStream(true)
            .start();
    String formatOutput =
        new String(format.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (format.waitFor() != 0) {
      throw new IOException("formatting the Kafka storage failed: " + formatOutput);
    }
    Process process =
        new ProcessBuilder(command("kafka.Kafka", config.toString()))
            .redirectErrorStream(true)
            .start();
    LocalKafkaBroker broker = new LocalKafkaBroker(process, "127.0.0.1:" + port);
    broker.awaitStarted();
    return broker;
  }

  /** {@code bootstrap.servers} for clients. */
  public String bootstrapServers() {
    return bootstrapServers;
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
  }

  private void awaitStarted() throws IOException, InterruptedException {
    CompletableFuture<Void> started = new CompletableFuture<>();
    Thread reader =
        new Thread(() -> readLog(process.getInputStream(), started), "kafka-broker-log");
    reader.setDaemon(true);
    reader.start();
    try {
      started.get(READY_SECONDS, TimeUnit.SECONDS);
    } catch (Exception e) {
      close();
      throw new IOException("the Kafka broker did not start: " + log, e);
    }
  }

  private void readLog(InputStream output, CompletableFuture<Void> started) {
    try (BufferedReader lines =
        new BufferedReader(new InputStreamReader(output, StandardCharsets.UTF_8))) {
      String line;
      while ((line = lines.readLine()) != null) {
        if (!started.isDone()) {
          log.append(line).append('\n');
          if (line.contains("Kafka Server started")) {
            started.complete(null);
          }
        }
      }
    } catch (IOException e) {
      // the broker went away
    }
    started.completeExceptionally(new IllegalStateException("the broker exited"));
  }

  private static List<String> command(String mainClass, String... arguments) {
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m",
                "-XX:+UseSerialGC",
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=info",
                "-cp",
                brokerClasspath(),
                mainClass));
    command.addAll(List.of(arguments));
    return command;
  }

  private static String brokerClasspath() {
    try (InputStream resource =
        LocalKafkaBroker.class.getResourceAsStream("broker-classpath.txt")) {
      return new String(resource.readAllBytes(), StandardCharsets.UTF_8).trim();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A KRaft cluster id: 16 random bytes in URL-safe base64 without padding, as {@code kafka-storage random-uuid}. */
  private static String clusterId() {
    byte[] bytes = new byte[16];
    new SecureRandom().nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
