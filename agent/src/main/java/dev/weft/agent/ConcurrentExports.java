package dev.weft.agent;

import dev.weft.instrumentation.api.http.ClientSpans;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

/**
 * Keeps up to {@code maxInFlight} exports under way at once ({@code otel.javaagent.exporter.max-concurrent-exports}),
 * so that the spans leaving the process per second grow with that number instead of falling with the collector's
 * latency.
 *
 * <p>The SDK's batch span processor exports one batch and waits for its result before it takes the next. Here each
 * batch is copied (the processor reuses its list; the spans themselves are immutable) and handed to the exporter,
 * and the processor is told at once that the batch is taken care of. Only when {@code maxInFlight} exports are
 * under way does the processor's thread wait, for the first of them to end; it is the agent's own thread, never the
 * application's, and meanwhile the queue in front of it fills and then drops spans ({@link ExportQueueAdmission}).
 * How each export ends is counted behind this step ({@link ExportAccounting}); flush and shutdown wait for the
 * exports under way.
 *
 * <p>The exporter is called as if inside a client span, so no instrumented HTTP client the exporter may use traces
 * the exporter's own requests.
 */
final class ConcurrentExports extends DelegatingSpanExporter {

  private final Semaphore slots;
  private final Set<CompletableResultCode> underWay = ConcurrentHashMap.newKeySet();

  ConcurrentExports(SpanExporter exporter, int maxInFlight) {
    super(exporter);
    this.slots = new Semaphore(maxInFlight);
  }

  @Override
  public CompletableResultCode export(Collection<SpanData> spans) {
    try {
      slots.acquire();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return CompletableResultCode.ofFailure();
    }
    CompletableResultCode result;
    try (Scope ignored = ClientSpans.markedAsClientSpan(Context.current()).makeCurrent()) {
      result = exporter.export(new ArrayList<>(spans));
    } catch (RuntimeException e) {
      slots.release();
      throw e;
    }
    underWay.add(result);
    result.whenComplete(
        () -> {
          underWay.remove(result);
          slots.release();
        });
    return CompletableResultCode.ofSuccess();
  }

  /** Completes when the exports under way now have ended and the exporter has flushed. */
  @Override
  public CompletableResultCode flush() {
    CompletableResultCode flushed = new CompletableResultCode();
    CompletableResultCode.ofAll(new ArrayList<>(underWay))
        .whenComplete(() -> exporter.flush().whenComplete(flushed::succeed));
    return flushed;
  }

  /** Waits for the exports under way to end, then shuts the exporter down. */
  @Override
  public CompletableResultCode shutdown() {
    CompletableResultCode shutDown = new CompletableResultCode();
    CompletableResultCode.ofAll(new ArrayList<>(underWay))
        .whenComplete(
            () -> {
              CompletableResultCode exporterShutDown = exporter.shutdown();
              exporterShutDown.whenComplete(
                  () -> {
                    if (exporterShutDown.isSuccess()) {
                      shutDown.succeed();
                    } else {
                      shutDown.fail();
                    }
                  });
            });
    return shutDown;
  }

  /** Exports under way now. */
  int underWay() {
    return underWay.size();
  }
}
