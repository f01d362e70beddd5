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
import org.junit.jupiter.api.Test;

class ExportAccountingTest {

  private final List<CompletableResultCode> results = new ArrayList<>();
  private final SpanExporter exporter =
      new SpanExporter() {
        @Override
        public CompletableResultCode export(Collection<SpanData> spans) {
          CompletableResultCode result = new CompletableResultCode();
          results.add(result);
          return result;
        }

        @Override
        public CompletableResultCode flush() {
          return CompletableResultCode.ofSuccess();
        }

        @Override
        public CompletableResultCode shutdown() {
          return CompletableResultCode.ofSuccess();
        }
      };

  private static void ended(ExportAccounting accounting, int spans) {
    for (int i = 0; i < spans; i++) {
      accounting.spanEnded();
    }
  }

  @Test
  void exportsEndingInAnyOrderCountTheirSpans() {
    ExportAccounting accounting = new ExportAccounting();
    SpanExporter counting = accounting.counting(exporter);
    ended(accounting, 6);
    counting.export(TestSpans.spans(1));
    counting.export(TestSpans.spans(2));
    counting.export(TestSpans.spans(3));
    String report =
        StderrCapture.of(
            () -> {
              results.get(2).succeed();
              results.get(0).fail();
              results.get(1).succeed();
              accounting.reportAtShutdown();
            });
    assertEquals(1, ExportQueueAdmissionTest.count(report, "span export failed"), report);
    assertTrue(
        report.contains("[weft] WARN 1 of 6 spans were not delivered to the collector"), report);
    assertFalse(accounting.collectorFailing(), "the latest export to end succeeded");
  }

  @Test
  void theFirstFailureIsReportedOnceAndMarksTheCollectorFailing() {
    ExportAccounting accounting = new ExportAccounting();
    SpanExporter counting = accounting.counting(exporter);
    ended(accounting, 2);
    counting.export(TestSpans.spans(1));
    counting.export(TestSpans.spans(1));
    String report = StderrCapture.of(() -> results.forEach(CompletableResultCode::fail));
    assertEquals(1, ExportQueueAdmissionTest.count(report, "span export failed"), report);
    assertTrue(accounting.collectorFailing());
  }

  @Test
  void spansTheCollectorRejectedAreNotDelivered() {
    ExportAccounting accounting = new ExportAccounting();
    SpanExporter counting = accounting.counting(exporter);
    ended(accounting, 10);
    counting.export(TestSpans.spans(10));
    String report =
        StderrCapture.of(
            () -> {
              accounting.spansRejected(3, "too old");
              accounting.spansRejected(1, "");
              results.get(0).succeed();
              accounting.reportAtShutdown();
            });
    assertEquals(
        1,
        ExportQueueAdmissionTest.count(
            report, "the collector rejected 3 spans of an export (too old)"),
        report);
    assertTrue(
        report.contains("[weft] WARN 4 of 10 spans were not delivered to the collector"), report);
  }

  @Test
  void nothingIsReportedWithoutACollector() {
    ExportAccounting accounting = new ExportAccounting();
    ended(accounting, 3);
    assertEquals("", StderrCapture.of(accounting::reportAtShutdown));
  }
}
