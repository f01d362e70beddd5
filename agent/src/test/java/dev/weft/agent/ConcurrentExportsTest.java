package dev.weft.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ConcurrentExportsTest {

  /** An exporter whose exports end only when the test says so. */
  private static final class ManualExporter implements SpanExporter {
    final List<Collection<SpanData>> batches = new CopyOnWriteArrayList<>();
    final List<CompletableResultCode> results = new CopyOnWriteArrayList<>();
    boolean shutDown;

    @Override
    public CompletableResultCode export(Collection<SpanData> spans) {
      CompletableResultCode result = new CompletableResultCode();
      batches.add(spans);
      results.add(result);
      return result;
    }

    @Override
    public CompletableResultCode flush() {
      return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode shutdown() {
      shutDown = true;
      return CompletableResultCode.ofSuccess();
    }
  }

  @Test
  void theProcessorIsAnsweredBeforeTheExportEnds() {
    ManualExporter exporter = new ManualExporter();
    ConcurrentExports exports = new ConcurrentExports(exporter, 4);
    for (int i = 0; i < 4; i++) {
      assertTrue(exports.export(TestSpans.spans(2)).isSuccess());
    }
    assertEquals(4, exports.underWay());
    assertEquals(4, exporter.batches.size());
    exporter.results.forEach(CompletableResultCode::succeed);
    assertEquals(0, exports.underWay());
  }

  @Test
  void theBatchIsCopiedSinceTheProcessorReusesItsList() {
    ManualExporter exporter = new ManualExporter();
    List<SpanData> batch = new ArrayList<>(TestSpans.spans(3));
    new ConcurrentExports(exporter, 1).export(batch);
    batch.clear();
    assertEquals(3, exporter.batches.get(0).size());
  }

  @Test
  void onlyTheExportThreadWaitsWhenAllSlotsAreTaken() throws Exception {
    ManualExporter exporter = new ManualExporter();
    ConcurrentExports exports = new ConcurrentExports(exporter, 2);
    exports.export(TestSpans.spans(1));
    exports.export(TestSpans.spans(1));
    CompletableFuture<CompletableResultCode> third = new CompletableFuture<>();
    Thread exportThread = new Thread(() -> third.complete(exports.export(TestSpans.spans(1))));
    exportThread.start();
    while (exportThread.getState() != Thread.State.WAITING) {
      Thread.onSpinWait();
    }
    assertFalse(third.isDone());
    assertEquals(2, exporter.batches.size(), "the third batch waits for a slot");
    exporter.results.get(0).succeed();
    assertTrue(third.get(10, TimeUnit.SECONDS).isSuccess());
    assertEquals(3, exporter.batches.size());
  }

  @Test
  void aFailedExportFreesItsSlotToo() {
    ManualExporter exporter = new ManualExporter();
    ConcurrentExports exports = new ConcurrentExports(exporter, 1);
    exports.export(TestSpans.spans(1));
    exporter.results.get(0).fail();
    exports.export(TestSpans.spans(1));
    assertEquals(2, exporter.batches.size());
  }

  @Test
  void flushAndShutdownWaitForTheExportsUnderWay() {
    ManualExporter exporter = new ManualExporter();
    ConcurrentExports exports = new ConcurrentExports(exporter, 4);
    exports.export(TestSpans.spans(1));
    exports.export(TestSpans.spans(1));
    CompletableResultCode flushed = exports.flush();
    CompletableResultCode shutDown = exports.shutdown();
    exporter.results.get(0).succeed();
    assertFalse(flushed.isDone());
    assertFalse(shutDown.isDone());
    assertFalse(exporter.shutDown);
    exporter.results.get(1).fail();
    assertTrue(flushed.isSuccess());
    assertTrue(shutDown.isSuccess());
    assertTrue(exporter.shutDown);
  }
}
