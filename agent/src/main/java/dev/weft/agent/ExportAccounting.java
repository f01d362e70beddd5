package dev.weft.agent;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.util.Collection;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts the sampled spans ended and the spans the collector accepted, and says when spans start to be lost: once
 * when the export queue first overflows, once when an export first fails, once when the collector first rejects
 * spans of an export it accepted (an OTLP partial success), and once at shutdown with the number of spans not
 * delivered, whatever the cause; never once per export. Exports may end in any order, several at a time.
 */
final class ExportAccounting {

  private final LongAdder ended = new LongAdder();
  private final LongAdder delivered = new LongAdder();
  private final AtomicBoolean dropReported = new AtomicBoolean();
  private final AtomicBoolean failureReported = new AtomicBoolean();
  private final AtomicBoolean rejectionReported = new AtomicBoolean();

  /** Whether spans go to a collector at all: with {@code otel.traces.exporter=none} nothing is meant to be. */
  private volatile boolean exporting;

  private volatile boolean lastExportFailed;

  /** A sampled span ended, bound for the export queue. */
  void spanEnded() {
    ended.increment();
  }

  /** A sampled span found the export queue full. */
  void spanDropped() {
    if (dropReported.compareAndSet(false, true)) {
      AgentLog.warn(
          "spans end faster than they can be exported (the export queue, otel.bsp.max.queue.size, is "
              + "full); spans are dropped while this lasts, and the number lost is reported at shutdown");
    }
  }

  /** The collector accepted an export but rejected {@code spans} of its spans, saying {@code why}. */
  void spansRejected(long spans, String why) {
    delivered.add(-spans);
    if (rejectionReported.compareAndSet(false, true)) {
      AgentLog.warn(
          "the collector rejected "
              + spans
              + " spans of an export ("
              + (why.isEmpty() ? "no reason given" : why)
              + "); the number lost is reported at shutdown");
    }
  }

  /** {@code collectorExporter}, each of whose exports is counted as delivered or not when it ends. */
  SpanExporter counting(SpanExporter collectorExporter) {
    exporting = true;
    return new DelegatingSpanExporter(collectorExporter) {
      @Override
      public CompletableResultCode export(Collection<SpanData> spans) {
        int count = spans.size();
        CompletableResultCode result = exporter.export(spans);
        result.whenComplete(
            () -> {
              lastExportFailed = !result.isSuccess();
              if (result.isSuccess()) {
                delivered.add(count);
              } else {
                reportFirstFailure(result.getFailureThrowable());
              }
            });
        return result;
      }
    };
  }

  private void reportFirstFailure(Throwable cause) {
    if (failureReported.compareAndSet(false, true)) {
      AgentLog.warn(
          "span export failed ("
              + (cause == null ? "the collector refused the spans" : cause)
              + "); spans are dropped while this lasts, and the number lost is reported at shutdown");
    }
  }

  /** Whether the collector failed the latest export: then the shutdown flush is not worth waiting long for. */
  boolean collectorFailing() {
    return lastExportFailed;
  }

  void reportAtShutdown() {
    long lost = ended.sum() - delivered.sum();
    if (exporting && lost > 0) {
      AgentLog.warn(lost + " of " + ended.sum() + " spans were not delivered to the collector");
    }
  }
}
