package dev.weft.agent;

import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.util.Collection;
import java.util.concurrent.Semaphore;

/**
 * Lets an ended, sampled span into the batch span processor's queue only when the queue has room, and otherwise
 * drops it at once: the thread that ends a span never waits. The SDK's processor would drop it too, silently; here
 * the drop is counted and reported ({@link ExportAccounting#spanDropped()}).
 *
 * <p>The room is a semaphore as large as the queue ({@code otel.bsp.max.queue.size}): each span let in takes a
 * permit ({@code tryAcquire}, never a wait), and each batch the processor takes out of the queue to export gives
 * back as many.
 */
final class ExportQueueAdmission {

  private final ExportAccounting accounting;

  /** Set with the batch processor; until then (and with no batch processor) batches free nothing. */
  private volatile Semaphore room;

  private volatile int capacity;

  /**
   * The batch whose room was given back last: a processor with several exporters hands the same batch to each.
   * Only the processor's one export thread reads and writes it.
   */
  private Collection<SpanData> lastBatchTaken;

  ExportQueueAdmission(ExportAccounting accounting) {
    this.accounting = accounting;
  }

  /**
   * The batch processor, fed only the spans that find room in its queue.
   *
   * @param capacity the processor's queue size ({@code otel.bsp.max.queue.size})
   */
  SpanProcessor admittingTo(SpanProcessor batchProcessor, int capacity) {
    this.capacity = capacity;
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
        if (!span.getSpanContext().isSampled()) {
          batchProcessor.onEnd(span);
          return;
        }
        accounting.spanEnded();
        if (room.tryAcquire()) {
          batchProcessor.onEnd(span);
        } else {
          accounting.spanDropped();
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

  /** {@code exporter}, behind which each batch the processor takes from its queue gives back its room. */
  SpanExporter freeingRoom(SpanExporter exporter) {
    return new DelegatingSpanExporter(exporter) {
      @Override
      public CompletableResultCode export(Collection<SpanData> spans) {
        batchTaken(spans);
        return exporter.export(spans);
      }
    };
  }

  private void batchTaken(Collection<SpanData> batch) {
    Semaphore queueRoom = room;
    if (queueRoom == null || batch == lastBatchTaken) {
      return;
    }
    lastBatchTaken = batch;
    // never above the queue's size, should a batch come from elsewhere
    queueRoom.release(Math.max(0, Math.min(batch.size(), capacity - queueRoom.availablePermits())));
  }
}
