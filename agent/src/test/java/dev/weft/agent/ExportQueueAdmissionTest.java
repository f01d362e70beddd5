package dev.weft.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExportQueueAdmissionTest {

  private final List<ReadableSpan> queued = new ArrayList<>();
  private final SpanProcessor queue =
      new SpanProcessor() {
        @Override
        public void onStart(Context parentContext, ReadWriteSpan span) {}

        @Override
        public boolean isStartRequired() {
          return false;
        }

        @Override
        public void onEnd(ReadableSpan span) {
          queued.add(span);
        }

        @Override
        public boolean isEndRequired() {
          return true;
        }
      };
  private final SpanExporter exporter =
      new SpanExporter() {
        @Override
        public CompletableResultCode export(Collection<SpanData> spans) {
          return CompletableResultCode.ofSuccess();
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

  private static void endSpans(SpanProcessor processor, Sampler sampler, int count) {
    SdkTracerProvider provider =
        SdkTracerProvider.builder().setSampler(sampler).addSpanProcessor(processor).build();
    for (int i = 0; i < count; i++) {
      provider.get("test").spanBuilder("span").startSpan().end();
    }
  }

  @Test
  void aSpanThatFindsTheQueueFullIsDroppedAndCounted() {
    ExportAccounting accounting = new ExportAccounting();
    accounting.counting(exporter); // spans are meant for a collector, so losses are reported
    SpanProcessor admitting = new ExportQueueAdmission(accounting).admittingTo(queue, 2);
    String report =
        StderrCapture.of(
            () -> {
              endSpans(admitting, Sampler.alwaysOn(), 5);
              accounting.reportAtShutdown();
            });
    assertEquals(2, queued.size());
    assertEquals(1, count(report, "spans end faster than they can be exported"), report);
    assertTrue(report.contains("5 of 5 spans were not delivered"), report);
  }

  @Test
  void aBatchTakenFromTheQueueGivesItsRoomBackOnce() {
    ExportQueueAdmission admission = new ExportQueueAdmission(new ExportAccounting());
    SpanProcessor admitting = admission.admittingTo(queue, 2);
    SpanExporter freeing = admission.freeingRoom(exporter);
    StderrCapture.of(() -> endSpans(admitting, Sampler.alwaysOn(), 3)); // one dropped
    assertEquals(2, queued.size());
    List<SpanData> batch = Collections.unmodifiableList(TestSpans.spans(2));
    freeing.export(batch);
    freeing.export(batch); // the same batch for a second exporter behind the processor
    endSpans(admitting, Sampler.alwaysOn(), 3);
    assertEquals(4, queued.size());
  }

  @Test
  void unsampledSpansTakeNoRoom() {
    SpanProcessor admitting =
        new ExportQueueAdmission(new ExportAccounting()).admittingTo(queue, 1);
    endSpans(admitting, Sampler.alwaysOff(), 3);
    endSpans(admitting, Sampler.alwaysOn(), 1);
    assertEquals(1, queued.size());
  }

  static int count(String text, String part) {
    return text.split(java.util.regex.Pattern.quote(part), -1).length - 1;
  }
}
