package dev.weft.benchmarks.harness;

import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * What the build made for the benchmarks, relative to the repository root: run.sh runs the harness from there,
 * after building whatever is missing.
 */
final class Artifacts {

  static final Path APP_JAR = Paths.get("benchmarks/app/target/weft-bench-app.jar");
  static final Path KAFKA_APP_JAR =
      Paths.get("benchmarks/kafka-app/target/weft-bench-kafka-app.jar");
  static final Path JMH_JAR = Paths.get("benchmarks/jmh/target/weft-jmh.jar");

  /**
   * The smoke tests' PetClinic-shaped Spring Boot 4 application (Spring MVC on Tomcat, JDBC through HikariCP on H2):
   * a real application's start-up, over 10,000 classes.
   */
  static final Path SPRING_BOOT_APP_JAR =
      Paths.get("smoke-tests/spring-boot-4-app/target/spring-boot-4-app.jar");

  /** The agent jars measured, logs of every process started, the JMH results and wrk's script. */
  static final Path WORK_DIRECTORY = Paths.get("benchmarks/target/run");

  /** The JDK under test is the one running the harness. */
  static final String JAVA = ProcessHandle.current().info().command().orElse("java");

  private Artifacts() {}
}
