package dev.weft.benchmarks.harness;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The benchmark application in a JVM of its own: its start-up time to a first answer, CPU time (and its JIT
 * compilers' part), peak RSS and the bytes its threads allocated (asked on its stdin), and a stop that lets its agent
 * flush.
 */
final class AppProcess implements AutoCloseable {

  private static final String ALLOCATED = "allocated";
  private static final Duration START_LIMIT = Duration.ofSeconds(60);
  private static final Duration STOP_LIMIT = Duration.ofSeconds(30);

  private final Process process;
  private final long launchNanos;
  private final BlockingQueue<Long> allocationAnswers = new LinkedBlockingQueue<>();

  private AppProcess(Process process, long launchNanos) {
    this.process = process;
    this.launchNanos = launchNanos;
    Thread reader = new Thread(this::readAnswers, "app-stdout");
    reader.setDaemon(true);
    reader.start();
  }

  /** Starts {@code command}, its stderr going to {@code log}. */
  static AppProcess start(List<String> command, Path log) throws IOException {
    long launchNanos = System.nanoTime();
    return new AppProcess(
        new ProcessBuilder(command).redirectError(log.toFile()).start(), launchNanos);
  }

  /** Waits for the first 200 answer to {@code GET path}; returns the time from launch to that answer. */
  Duration awaitFirstAnswer(int port, String path) throws IOException, InterruptedException {
    while (System.nanoTime() - launchNanos < START_LIMIT.toNanos()) {
      if (!process.isAlive()) {
        throw new IOException(
            "the application exited with " + process.exitValue() + " before answering");
      }
      try (HttpConnection connection = new HttpConnection(port, path, null)) {
        if (connection.get() == 200) {
          return Duration.ofNanos(System.nanoTime() - launchNanos);
        }
      } catch (IOException notReadyYet) {
        Thread.sleep(2);
      }
    }
    throw new IOException("no answer from the application within " + START_LIMIT);
  }

  /** A port free now, for the next application to listen on. */
  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  long cpuNanos() throws IOException {
    return ProcStat.cpuNanos(process.pid());
  }

  long compilerCpuNanos() throws IOException {
    return ProcStat.compilerCpuNanos(process.pid());
  }

  long peakResidentBytes() throws IOException {
    return ProcStat.peakResidentBytes(process.pid());
  }

  long pid() {
    return process.pid();
  }

  long residentBytes() throws IOException {
    return ProcStat.residentBytes(process.pid());
  }

  /**
   * Asks the JVM to give the memory that its malloc heap holds freed back to the OS ({@code jcmd PID
   * System.trim_native_heap}, glibc's {@code malloc_trim}); returns whether it did. Freed native memory, such as the
   * JIT compilers' arenas after a large compilation, otherwise stays resident.
   */
  boolean trimNativeHeap() throws IOException, InterruptedException {
    Path jcmd = Paths.get(Artifacts.JAVA).resolveSibling("jcmd");
    if (!Files.isExecutable(jcmd)) {
      return false;
    }
    Process trim =
        new ProcessBuilder(jcmd.toString(), Long.toString(process.pid()), "System.trim_native_heap")
            .redirectErrorStream(true)
            .start();
    String answer = new String(trim.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    return trim.waitFor() == 0 && answer.contains("RSS");
  }

  /** Bytes allocated so far by the application's live threads (see the application's AllocationProbe). */
  long allocatedBytes() throws IOException, InterruptedException {
    OutputStream stdin = process.getOutputStream();
    stdin.write((ALLOCATED + "\n").getBytes(StandardCharsets.US_ASCII));
    stdin.flush();
    Long answer = allocationAnswers.poll(10, TimeUnit.SECONDS);
    if (answer == null) {
      throw new IOException("the application did not say how much it allocated");
    }
    return answer;
  }

  /** Asks the JVM to exit (SIGTERM), so its agent exports what it still holds; kills it after a time limit. */
  void stop() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(STOP_LIMIT.toSeconds(), TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
    }
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      process.destroyForcibly().waitFor();
    }
  }

  private void readAnswers() {
    try (BufferedReader out =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.US_ASCII))) {
      for (String line = out.readLine(); line != null; line = out.readLine()) {
        if (line.startsWith(ALLOCATED + " ")) {
          allocationAnswers.add(Long.parseLong(line.substring(ALLOCATED.length() + 1)));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
