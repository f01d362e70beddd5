package dev.weft.benchmarks.harness;

import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * What the build made for the benchmarks, relative to the repository root: run.sh runs the harness from there,
 * after building whatever is missing.
 */
final class Artifacts {

  static final Path APP_JAR = Paths.get("benchmarks/app/target/weft-bench-app.jar");
  static final Path JMH_JAR = Paths.get("benchmarks/jmh/target/weft-jmh.jar");
  /** The agent jars measured, logs of every process started, the JMH results and wrk's script. */
  static final Path WORK_DIRECTORY = Paths.get("benchmarks/target/run");
  /** The JDK under test is the one running the harness. */
  static final String JAVA = ProcessHandle.current().info().command().orElse("java");

  private Artifacts() {}
}
