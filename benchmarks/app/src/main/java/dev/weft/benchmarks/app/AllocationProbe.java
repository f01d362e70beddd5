package dev.weft.benchmarks.app;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;

/**
 * Tells the benchmark harness how many bytes the JVM's live threads have allocated so far: each line
 * {@value #QUESTION} on stdin is answered on stdout with {@code allocated <bytes>}. Asked over stdin rather than
 * HTTP so that asking makes no request, and so no span, of its own. Threads that ended before the question are
 * missing from the sum; the application's and the agents' threads live as long as the JVM.
 */
final class AllocationProbe {

  private static final String QUESTION = "allocated";

  private AllocationProbe() {}

  static void answerOnStdin() {
    Thread thread = new Thread(AllocationProbe::answer, "allocation-probe");
    thread.setDaemon(true);
    thread.start();
  }

  private static void answer() {
    BufferedReader in =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.US_ASCII));
    try {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        if (line.equals(QUESTION)) {
          System.out.println(QUESTION + " " + allocatedByLiveThreads());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static long allocatedByLiveThreads() {
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long total = 0;
    for (long bytes : threads.getThreadAllocatedBytes(threads.getAllThreadIds())) {
      if (bytes > 0) { // -1: the thread ended meanwhile
        total += bytes;
      }
    }
    return total;
  }
}
