package dev.weft.smoke;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * What a JVM the test started writes, read as it comes (so that the process never blocks on a full pipe) into
 * buffers the test reads when it likes; each stdout line is also handed to a watcher, which waits for what the
 * process announces (its port, say).
 */
final class ProcessOutput {

  private final StringBuffer stdout = new StringBuffer();
  private final StringBuffer stderr = new StringBuffer();
  private final Thread stdoutReader;
  private final Thread stderrReader;

  /**
   * @param stdoutLine sees each line of stdout
   * @param stdoutEnded gets the output read so far once stdout has ended (the process went away), to fail what
   *     still waits for a line; it may run before the constructor returns
   */
  ProcessOutput(Process process, Consumer<String> stdoutLine, Consumer<ProcessOutput> stdoutEnded) {
    stdoutReader = read(process.getInputStream(), stdout, stdoutLine, stdoutEnded);
    stderrReader = read(process.getErrorStream(), stderr, line -> {}, output -> {});
  }

  String stdout() {
    return stdout.toString();
  }

  String stderr() {
    return stderr.toString();
  }

  /** Waits (10 s at most each) until both streams are read to the end, once the process has ended. */
  void awaitEnd() throws InterruptedException {
    stdoutReader.join(10_000);
    stderrReader.join(10_000);
  }

  private Thread read(
      InputStream stream,
      StringBuffer into,
      Consumer<String> eachLine,
      Consumer<ProcessOutput> ended) {
    Thread thread =
        new Thread(
            () -> {
              try (BufferedReader reader =
                  new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                  into.append(line).append('\n');
                  eachLine.accept(line);
                }
              } catch (IOException e) {
                // the process went away
              }
              ended.accept(this);
            });
    thread.setDaemon(true);
    thread.start();
    return thread;
  }
}
