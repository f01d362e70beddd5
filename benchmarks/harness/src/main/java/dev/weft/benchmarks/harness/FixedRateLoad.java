package dev.weft.benchmarks.harness;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * An open-model load: request {@code i} is due at {@code start + i / rate}, whatever happened to earlier ones, and
 * its latency counts from when it was due, not from when it was sent, so a stalled application shows its stall in
 * the latencies instead of slowing the load down (no coordinated omission). Debian's {@code wrk} has no rate option;
 * this is the part of wrk2 the benchmark needs. Each worker thread owns one keep-alive connection; there are enough
 * of them that a late answer does not hold back the next requests.
 */
final class FixedRateLoad {

  private static final int WORKERS = 64;
  private static final long START_DELAY_NANOS = 50_000_000L;

  private final int port;

  FixedRateLoad(int port) {
    this.port = port;
  }

  LoadResult run(String path, String traceparent, int perSecond, Duration duration)
      throws InterruptedException {
    int total = (int) (perSecond * duration.toSeconds());
    double intervalNanos = 1e9 / perSecond;
    long[] latencies = new long[total];
    AtomicInteger nextRequest = new AtomicInteger();
    AtomicInteger errors = new AtomicInteger();
    AtomicLong lastAnswer = new AtomicLong();
    long start = System.nanoTime() + START_DELAY_NANOS;
    List<Thread> workers = new ArrayList<>();
    for (int w = 0; w < WORKERS; w++) {
      Thread worker =
          new Thread(
              () -> {
                HttpConnection connection = null;
                for (int i = nextRequest.getAndIncrement();
                    i < total;
                    i = nextRequest.getAndIncrement()) {
                  long due = start + (long) (i * intervalNanos);
                  for (long wait = due - System.nanoTime();
                      wait > 0;
                      wait = due - System.nanoTime()) {
                    LockSupport.parkNanos(wait);
                  }
                  try {
                    if (connection == null) {
                      connection = new HttpConnection(port, path, traceparent);
                    }
                    if (connection.get() == 200) {
                      long answered = System.nanoTime();
                      latencies[i] = answered - due;
                      lastAnswer.accumulateAndGet(answered, Math::max);
                    } else {
                      errors.incrementAndGet();
                    }
                  } catch (IOException e) {
                    errors.incrementAndGet();
                    closeQuietly(connection);
                    connection = null;
                  }
                }
                closeQuietly(connection);
              },
              "fixed-rate-load-" + w);
      worker.start();
      workers.add(worker);
    }
    for (Thread worker : workers) {
      worker.join();
    }
    long[] answered = Arrays.stream(latencies).filter(latency -> latency > 0).sorted().toArray();
    return new LoadResult(
        answered.length,
        errors.get(),
        (lastAnswer.get() - start) / 1e9,
        percentile(answered, 50) / 1e6,
        percentile(answered, 99) / 1e6);
  }

  private static long percentile(long[] sorted, int percent) {
    return sorted.length == 0 ? 0 : sorted[(int) Math.ceil(sorted.length * percent / 100.0) - 1];
  }

  private static void closeQuietly(HttpConnection connection) {
    if (connection != null) {
      try {
        connection.close();
      } catch (IOException e) {
        // nothing left to do with a broken connection
      }
    }
  }
}
