package dev.weft.agent;

import dev.weft.instrumentation.api.http.ClientSpans;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads on which the OTLP exporter's sender sends: daemon threads ({@code weft-export-N}, kept 60 s when idle,
 * one per export under way) whose every task runs as if inside a client span, so that no instrumented HTTP client
 * traces the exporter's own requests, even with the executors instrumentation (which would carry the context of
 * {@link ConcurrentExports} there) turned off.
 */
final class ExportThreads {

  private static final AtomicInteger THREADS = new AtomicInteger();

  private ExportThreads() {}

  static ExecutorService create() {
    return new ThreadPoolExecutor(
        0,
        Integer.MAX_VALUE,
        60,
        TimeUnit.SECONDS,
        new SynchronousQueue<>(),
        task -> {
          Thread thread =
              new Thread(
                  () -> {
                    try (Scope ignored =
                        ClientSpans.markedAsClientSpan(Context.root()).makeCurrent()) {
                      task.run();
                    }
                  },
                  "weft-export-" + THREADS.incrementAndGet());
          thread.setDaemon(true);
          return thread;
        });
  }
}
