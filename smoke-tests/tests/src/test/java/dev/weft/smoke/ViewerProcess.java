package dev.weft.smoke;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code java -jar weft-agent.jar view ...} in its own JVM, on free ports it reports on start. */
final class ViewerProcess implements AutoCloseable {

  private static final Pattern OTLP = Pattern.compile("OTLP/HTTP .* on (http://\\S+)/v1/traces");
  private static final Pattern PAGE = Pattern.compile("traces on (http://\\S+/)");

  private final Process process;
  private final CompletableFuture<String> otlp = new CompletableFuture<>();
  private final CompletableFuture<String> page = new CompletableFuture<>();
  private final ProcessOutput output;

  private ViewerProcess(List<String> command) throws IOException {
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().put("LC_ALL", "C.UTF-8"); // the terminal waterfall's block characters
    process = builder.start();
    process.getOutputStream().close();
    output = new ProcessOutput(process, this::watchForAddresses, this::failIfNotListening);
  }

  /** Starts the viewer with both listeners on free loopback ports and these options, and waits until it listens. */
  static ViewerProcess start(String... options) throws Exception {
    List<String> command =
        new ArrayList<>(
            List.of(
                System.getProperty("weft.smoke.java"),
                "-jar",
                System.getProperty("weft.agent.jar"),
                "view",
                "--otlp",
                "127.0.0.1:0",
                "--http",
                "127.0.0.1:0"));
    command.addAll(List.of(options));
    ViewerProcess viewer = new ViewerProcess(command);
    viewer.otlp.get(60, TimeUnit.SECONDS);
    viewer.page.get(60, TimeUnit.SECONDS);
    return viewer;
  }

  private void watchForAddresses(String line) {
    Matcher otlpLine = OTLP.matcher(line);
    if (otlpLine.find()) {
      otlp.complete(otlpLine.group(1));
    }
    Matcher pageLine = PAGE.matcher(line);
    if (pageLine.find()) {
      page.complete(pageLine.group(1));
    }
  }

  private void failIfNotListening(ProcessOutput ended) {
    IllegalStateException failure =
        new IllegalStateException("the viewer ended: " + ended.stdout() + ended.stderr());
    otlp.completeExceptionally(failure);
    page.completeExceptionally(failure);
  }

  /** The OTLP endpoint, for {@code otel.exporter.otlp.endpoint}: {@code http://127.0.0.1:PORT}. */
  String otlpEndpoint() {
    return otlp.join();
  }

  /** The page's address, ending in {@code /}. */
  String pageUrl() {
    return page.join();
  }

  String stdout() {
    return output.stdout();
  }

  String stderr() {
    return output.stderr();
  }

  /** Stops the viewer as Ctrl-C would (a signal that runs its shutdown hook); its exit code. */
  int stop() throws Exception {
    process.toHandle().destroy();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      throw new AssertionError("the viewer did not stop: " + stdout());
    }
    output.awaitEnd();
    return process.exitValue();
  }

  @Override
  public void close() throws Exception {
    if (process.isAlive()) {
      process.destroyForcibly();
      process.waitFor(30, TimeUnit.SECONDS);
    }
  }
}
