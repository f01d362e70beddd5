package dev.weft.agent;

import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SpanProcessor;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Keeps the batch span processor's queue from overflowing while the collector keeps up, by making a thread that
 * ends a span wait (briefly) for room instead of dropping the span.
 *
 * <p>Under saturating load the application's request threads take nearly all the CPU, and the one exporter thread
 * gets a thread's fair share: too little to export as fast as spans end, so the SDK's processor drops most of them
 * (measured: a third of the spans delivered). Here each span handed to the processor takes one permit of a
 * semaphore as large as the processor's queue, and each export gives back as many as it takes from the queue; a
 * thread that finds no permit waits up to {@value #MAX_WAIT_MILLIS} ms for one, so the application slows to the
 * pace the exporter can deliver. It waits only while the collector keeps up: the latest export succeeded and the
 * one under way, if any, has not taken longer than a thread would wait. A dead, slow or refusing collector still
 * costs the application nothing but dropped spans, counted and reported at shutdown.
 */
final class ExportBackpressure {

  private static final long MAX_WAIT_MILLIS = 250;
  /** An export under way for longer than a thread would wait means the collector, not the CPU, is slow. */
  private static final long SLOW_EXPORT_NANOS = TimeUnit.MILLISECONDS.toNanos(MAX_WAIT_MILLIS);

  private final AtomicBoolean overflowReported = new AtomicBoolean();
  /** Set with the batch processor; until then (and with no batch processor) exports are not counted. */
  private volatile Semaphore room;
  private volatile int capacity;
  private volatile boolean waitForRoom;
  private volatile boolean lastExportSucceeded = true;
  /** {@link System#nanoTime()} when the export under way started; 0 when none is. */
  private volatile long exportStartedNanos;

  /**
   * The batch processor, fed only the spans that find room in its queue.
   *
   * @param capacity the processor's queue size ({@code otel.bsp.max.queue.size})
   * @param waitForRoom false to drop spans rather than wait ({@code otel.javaagent.export-backpressure.enabled})
   */
  SpanProcessor admittingTo(SpanProcessor batchProcessor, int capacity, boolean waitForRoom) {
    this.capacity = capacity;
    this.waitForRoom = waitForRoom;
    this.room = new Semaphore(capacity);
    return new SpanProcessor() {
      @Override
      public void onStart(Context parentContext, ReadWriteSpan span) {
        batchProcessor.onStart(parentContext, span);
      }

      @Override
      public boolean isStartRequired() {
        return batchProcessor.isStartRequired();
      }

      @Override
      public void onEnd(ReadableSpan span) {
        // the batch processor queues sampled spans only
        if (!span.getSpanContext().isSampled() || admit()) {
          batchProcessor.onEnd(span);
        }
      }

      @Override
      public boolean isEndRequired() {
        return true;
      }

      @Override
      public CompletableResultCode forceFlush() {
        return batchProcessor.forceFlush();
      }

      @Override
      public CompletableResultCode shutdown() {
        return batchProcessor.shutdown();
      }

      @Override
      public String toString() {
        return batchProcessor.toString();
      }
    };
  }

  /** The exporter took {@code spans} from the queue. */
  void exportStarted(int spans) {
    exportStartedNanos = System.nanoTime();
    Semaphore queueRoom = room;
    if (queueRoom != null) {
      // never above the queue's size, should an export come from elsewhere (a console exporter beside OTLP)
      queueRoom.release(Math.max(0, Math.min(spans, capacity - queueRoom.availablePermits())));
    }
  }

  void exportEnded(boolean success) {
    lastExportSucceeded = success;
    exportStartedNanos = 0;
  }

  private boolean admit() {
    Semaphore queueRoom = room;
    if (queueRoom.tryAcquire()) {
      return true;
    }
    if (waitForRoom && collectorKeepsUp()) {
      try {
        if (queueRoom.tryAcquire(MAX_WAIT_MILLIS, TimeUnit.MILLISECONDS)) {
          return true;
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    reportFirstOverflow();
    return false;
  }

  private boolean collectorKeepsUp() {
    long started = exportStartedNanos;
    return lastExportSucceeded && (started == 0 || System.nanoTime() - started < SLOW_EXPORT_NANOS);
  }

  private void reportFirstOverflow() {
    if (overflowReported.compareAndSet(false, true)) {
      AgentLog.warn("spans end faster than they can be exported (the export queue, otel.bsp.max.queue.size, is "
          + "full); spans are dropped while this lasts, and the number lost is reported at shutdown");
    }
  }
}
