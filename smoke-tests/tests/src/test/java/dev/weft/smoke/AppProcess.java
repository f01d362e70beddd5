package dev.weft.smoke;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;

/**
 * A smoke-test application in its own JVM, started with {@code -javaagent:} the built agent jar, on the JDK named
 * by the {@code weft.smoke.java} property.
 */
final class AppProcess implements AutoCloseable {

  /** The applications' build directory: classes/, app-classpath.txt, legacy/. */
  static final Path APPS = Path.of(System.getProperty("weft.apps.dir"));

  private final Process process;
  private final CompletableFuture<Integer> ready = new CompletableFuture<>();
  private final ProcessOutput output;

  private AppProcess(List<String> command, Map<String, String> environment) throws IOException {
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().putAll(environment);
    process = builder.start();
    output = new ProcessOutput(process, this::watchForReady, this::failIfNotReady);
  }

  /** A builder for the application whose main class is {@code dev.weft.smoke.apps.<simpleName>}. */
  static Builder app(String simpleName) {
    return app(simpleName, readClasspath());
  }

  /**
   * Like {@link #app(String)}, with the oldest supported kafka-clients (the apps' build copies it to kafka-oldest/)
   * in place of the newest.
   */
  static Builder appWithOldestKafkaClients(String simpleName) throws IOException {
    Path oldest;
    try (var jars = Files.list(APPS.resolve("kafka-oldest"))) {
      oldest = jars.findFirst().orElseThrow();
    }
    String newest =
        "[^" + File.pathSeparator + "]*kafka-clients-[^" + File.pathSeparator + "]*\\.jar";
    return app(
        simpleName,
        readClasspath().replaceAll(newest, Matcher.quoteReplacement(oldest.toString())));
  }

  /**
   * Like {@link #app(String)}, with these jars (in a directory the apps' build copies them to) in place of the
   * class path entries whose file names start with one of {@code replacedPrefixes}.
   */
  static Builder appWithLibraries(String simpleName, Path jarDirectory, String... replacedPrefixes)
      throws IOException {
    List<String> entries = new ArrayList<>();
    for (String entry : readClasspath().split(File.pathSeparator)) {
      String fileName = Path.of(entry).getFileName().toString();
      if (java.util.Arrays.stream(replacedPrefixes).noneMatch(fileName::startsWith)) {
        entries.add(entry);
      }
    }
    try (var jars = Files.list(jarDirectory)) {
      jars.forEach(jar -> entries.add(jar.toString()));
    }
    return app(simpleName, String.join(File.pathSeparator, entries));
  }

  private static Builder app(String simpleName, String libraries) {
    return app(APPS, "dev.weft.smoke.apps." + simpleName, libraries);
  }

  /**
   * A builder for an application of another smoke-test app module.
   *
   * @param appDirectory that module's build directory, with classes/
   * @param libraries the class path of its libraries, such as {@link #classpathOf} gives
   */
  static Builder app(Path appDirectory, String mainClass, String libraries) {
    return new Builder(
        List.of(
            "-cp", appDirectory.resolve("classes") + File.pathSeparator + libraries, mainClass));
  }

  /** The libraries' class path that the build of the app module in {@code appDirectory} wrote down. */
  static String classpathOf(Path appDirectory) {
    try {
      return Files.readString(appDirectory.resolve("app-classpath.txt")).trim();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** A builder for an executable jar. */
  static Builder jar(Path jar) {
    return new Builder(List.of("-jar", jar.toString()));
  }

  private static String readClasspath() {
    return classpathOf(APPS);
  }

  static final class Builder {
    /** What names the program: {@code -cp <path> <main class>} or {@code -jar <jar>}. */
    private final List<String> program;

    private final Map<String, String> properties = new LinkedHashMap<>();
    private final Map<String, String> environment = new LinkedHashMap<>();
    private final List<String> arguments = new ArrayList<>();
    private boolean withAgent = true;

    private Builder(List<String> program) {
      this.program = program;
      // export promptly, so that tests wait for spans briefly
      properties.put("otel.bsp.schedule.delay", "100");
    }

    Builder exportingTo(OtlpReceiver receiver) {
      return with("otel.exporter.otlp.endpoint", receiver.endpoint());
    }

    Builder with(String property, String value) {
      properties.put(property, value);
      return this;
    }

    /** An environment variable of the application's JVM, beside the test's own. */
    Builder withEnvironment(String name, String value) {
      environment.put(name, value);
      return this;
    }

    /** Starts the application without {@code -javaagent:}, for a test that attaches the agent later. */
    Builder withoutAgent() {
      withAgent = false;
      return this;
    }

    /** An argument for the application's main method. */
    Builder argument(String argument) {
      arguments.add(argument);
      return this;
    }

    /** Starts the JVM and waits until the application says it is ready (or has exited, for a plain main). */
    AppProcess start() throws Exception {
      List<String> command = new ArrayList<>();
      command.add(System.getProperty("weft.smoke.java"));
      if (withAgent) {
        command.add("-javaagent:" + System.getProperty("weft.agent.jar"));
      }
      properties.forEach((key, value) -> command.add("-D" + key + "=" + value));
      command.addAll(program);
      command.addAll(arguments);
      return new AppProcess(command, environment);
    }
  }

  private void watchForReady(String line) {
    if (line.startsWith("READY ")) {
      ready.complete(Integer.parseInt(line.substring("READY ".length()).trim()));
    }
  }

  private void failIfNotReady(ProcessOutput ended) {
    ready.completeExceptionally(
        new IllegalStateException(
            "the application ended before it was ready: " + ended.stdout() + ended.stderr()));
  }

  /** The port the application serves on, once it is ready. */
  int port() throws Exception {
    return ready.get(60, TimeUnit.SECONDS);
  }

  /** Stops the application as an orchestrator would (SIGTERM), so shutdown hooks run, and waits for it. */
  int stop() throws Exception {
    process
        .toHandle()
        .destroy(); // unlike Process.destroy(), leaves the output streams open to be read to the
    // end
    return awaitExit();
  }

  /** Waits for the process to end by itself and for its output to be read to the end. */
  int awaitExit() throws Exception {
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("the application did not stop: " + stderr());
    }
    output.awaitEnd();
    return process.exitValue();
  }

  long pid() {
    return process.pid();
  }

  String stdout() {
    return output.stdout();
  }

  String stderr() {
    return output.stderr();
  }

  /** The stderr lines that contain {@code text}. */
  List<String> stderrLinesWith(String text) {
    List<String> lines = new ArrayList<>();
    for (String line : stderr().split("\n")) {
      if (line.contains(text)) {
        lines.add(line);
      }
    }
    return lines;
  }

  @Override
  public void close() throws Exception {
    if (process.isAlive()) {
      process.destroyForcibly();
      process.waitFor(30, TimeUnit.SECONDS);
    }
  }
}
