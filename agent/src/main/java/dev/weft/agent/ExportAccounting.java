package dev.weft.agent;

import dev.weft.instrumentation.api.http.ClientSpans;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.lang.ref.WeakReference;
import java.util.Collection;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts sampled spans ended and spans the exporter delivered, so that a dead, slow or refusing collector is
 * reported once, when the first export fails, and once more at shutdown with the number of spans lost (failed
 * exports and spans dropped by the full batch queue alike) — never once per export.
 */
final class ExportAccounting {

  private final ExportBackpressure backpressure;
  private final LongAdder ended = new LongAdder();
  private final LongAdder delivered = new LongAdder();
  private final AtomicBoolean failureReported = new AtomicBoolean();
  /** Whether any exporter is configured: with {@code otel.traces.exporter=none} nothing is meant to be delivered. */
  private volatile boolean exporting;
  private volatile boolean lastExportFailed;
  /** The batch counted last: several exporters behind one batch processor each get the same collection. */
  private volatile WeakReference<Collection<SpanData>> lastBatch = new WeakReference<>(null);

  ExportAccounting(ExportBackpressure backpressure) {
    this.backpressure = backpressure;
  }

  /** A span processor that only counts. */
  SpanProcessor endedSpans() {
    return new SpanProcessor() {
      @Override
      public void onStart(Context parentContext, ReadWriteSpan span) {}

      @Override
      public boolean isStartRequired() {
        return false;
      }

      @Override
      public void onEnd(ReadableSpan span) {
        if (span.getSpanContext().isSampled()) {
          ended.increment();
        }
      }

      @Override
      public boolean isEndRequired() {
        return true;
      }
    };
  }

  SpanExporter wrap(SpanExporter exporter) {
    exporting = true;
    return new SpanExporter() {
      @Override
      public CompletableResultCode export(Collection<SpanData> spans) {
        CompletableResultCode result;
        // the exporter's own HTTP calls count as being inside a client call: no instrumented client traces them
        try (Scope ignored = ClientSpans.markedAsClientSpan(Context.current()).makeCurrent()) {
          if (lastBatch.get() == spans) {
            // the same batch again, for the next of several exporters behind one processor: counted once
            return exporter.export(spans);
          }
          lastBatch = new WeakReference<>(spans);
          backpressure.exportStarted(spans.size());
          result = exporter.export(spans);
        }
        int count = spans.size();
        result.whenComplete(() -> {
          backpressure.exportEnded(result.isSuccess());
          lastExportFailed = !result.isSuccess();
          if (result.isSuccess()) {
            delivered.add(count);
          } else {
            reportFirstFailure(exporter, result.getFailureThrowable());
          }
        });
        return result;
      }

      @Override
      public CompletableResultCode flush() {
        return exporter.flush();
      }

      @Override
      public CompletableResultCode shutdown() {
        return exporter.shutdown();
      }

      @Override
      public String toString() {
        return exporter.toString();
      }
    };
  }

  private void reportFirstFailure(SpanExporter exporter, Throwable cause) {
    if (failureReported.compareAndSet(false, true)) {
      AgentLog.warn("span export failed (" + (cause == null ? "the collector refused the spans" : cause)
          + "); spans are dropped while this lasts, and the number lost is reported at shutdown. Exporter: "
          + exporter);
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
