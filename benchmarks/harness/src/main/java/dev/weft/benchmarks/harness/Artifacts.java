package dev.weft.benchmarks.harness;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;

/** What the build made for the benchmarks, relative to the repository root (run.sh runs from there). */
final class Artifacts {

  static final Path APP_JAR = Paths.get("benchmarks/app/target/weft-bench-app.jar");
  static final Path JMH_JAR = Paths.get("benchmarks/jmh/target/weft-jmh.jar");
  /** Logs of every process started, the JMH results and wrk's script. */
  static final Path WORK_DIRECTORY = Paths.get("benchmarks/target/run");
  /** The JDK under test is the one running the harness. */
  static final String JAVA = ProcessHandle.current().info().command().orElse("java");

  private Artifacts() {}

  static void checkBuilt() {
    for (Path artifact : List.of(APP_JAR, JMH_JAR, Agent.WEFT.jar, Agent.OPENTELEMETRY.jar)) {
      if (!Files.isRegularFile(artifact)) {
        throw new IllegalStateException(artifact + " is missing: build with benchmarks/run.sh from the repository");
      }
    }
  }
}
