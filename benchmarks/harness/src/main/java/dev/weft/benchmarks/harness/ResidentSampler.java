package dev.weft.benchmarks.harness;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The highest resident memory ({@code VmRSS}) of a process seen while some load ran, read every {@link #PERIOD_MILLIS}
 * ms on a thread of its own. Beside {@code VmHWM}, the peak since launch, it tells a peak of start-up (class loading,
 * weaving) from what the process holds while it serves, which includes native memory freed earlier that malloc kept.
 */
final class ResidentSampler implements AutoCloseable {

  private static final long PERIOD_MILLIS = 100;

  private final long pid;
  private final AtomicLong highest = new AtomicLong();
  private final Thread thread;

  ResidentSampler(AppProcess app) throws IOException {
    this.pid = app.pid();
    sample();
    thread = new Thread(this::run, "rss-sampler");
    thread.setDaemon(true);
    thread.start();
  }

  /** The highest VmRSS seen so far, in bytes. */
  long highestBytes() {
    return highest.get();
  }

  @Override
  public void close() throws InterruptedException, IOException {
    thread.interrupt();
    thread.join();
    sample();
  }

  private void run() {
    try {
      while (!Thread.currentThread().isInterrupted()) {
        sample();
        Thread.sleep(PERIOD_MILLIS);
      }
    } catch (InterruptedException | IOException | RuntimeException stopped) {
      // closed, the process ended, or /proc said something unexpected: what was seen stays
    }
  }

  private void sample() throws IOException {
    long now = ProcStat.residentBytes(pid);
    highest.accumulateAndGet(now, Math::max);
  }
}
