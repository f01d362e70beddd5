package dev.weft.benchmarks.harness;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What an agent adds to a JVM's start-up: the wall time of a hello-world {@code main}, from launch to exit, and of a
 * Spring Boot application from launch to its first answer (a page read from its database), each run in turn without
 * and with each agent so that the machine's drift hits all of them alike.
 */
final class StartupBenchmark {

  private static final String HELLO_WORLD = "dev.weft.benchmarks.app.HelloWorld";

  private final Settings settings;
  private final SpanSink sink;
  private final Results results;

  StartupBenchmark(Settings settings, SpanSink sink, Results results) {
    this.settings = settings;
    this.sink = sink;
    this.results = results;
  }

  void run() throws IOException, InterruptedException {
    for (Agent agent : Agent.COMPARED) {
      wallMillis(
          agent); // not counted: the first run reads the jars from disk, later ones from the page
      // cache
    }
    for (int run = 1; run <= settings.helloWorldRuns; run++) {
      for (Agent agent : Agent.COMPARED) {
        double millis = wallMillis(agent);
        results.add(Section.START_UP, Quantity.HELLO_WORLD_WALL, agent, millis);
        System.out.printf(
            "hello world %d/%d, %s: %.0f ms%n", run, settings.helloWorldRuns, agent.label, millis);
      }
    }
    for (int round = 1; round <= settings.rounds; round++) {
      for (Agent agent : Agent.COMPARED) {
        double millis = springBootFirstAnswerMillis(agent, round);
        results.add(Section.START_UP, Quantity.SPRING_BOOT_FIRST_ANSWER, agent, millis);
        System.out.printf(
            "Spring Boot app %d/%d, %s: first answer after %.0f ms%n",
            round, settings.rounds, agent.label, millis);
      }
    }
  }

  private double springBootFirstAnswerMillis(Agent agent, int round)
      throws IOException, InterruptedException {
    int port = AppProcess.freePort();
    List<String> command = new ArrayList<>();
    command.add(Artifacts.JAVA);
    command.addAll(agent.jvmOptions(Agent.exportingTo(sink.endpoint())));
    command.addAll(
        List.of("-jar", Artifacts.SPRING_BOOT_APP_JAR.toString(), "--server.port=" + port));
    Path log = Artifacts.WORK_DIRECTORY.resolve("spring-boot-" + round + "-" + agent.id() + ".log");
    try (AppProcess app = AppProcess.start(command, log)) {
      double millis = app.awaitFirstAnswer(port, "/petclinic/owners/1").toNanos() / 1e6;
      app.stop();
      return millis;
    }
  }

  private double wallMillis(Agent agent) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Artifacts.JAVA);
    command.addAll(agent.jvmOptions(Agent.exportingTo(sink.endpoint())));
    command.addAll(List.of("-cp", Artifacts.APP_JAR.toString(), HELLO_WORLD));
    long start = System.nanoTime();
    Process hello =
        new ProcessBuilder(command)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    int exit = hello.waitFor();
    long nanos = System.nanoTime() - start;
    if (exit != 0) {
      throw new IOException("hello world exited with " + exit + " under " + agent.label);
    }
    return nanos / 1e6;
  }
}
