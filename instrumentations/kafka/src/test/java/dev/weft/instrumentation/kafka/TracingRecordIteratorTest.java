package dev.weft.instrumentation.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.instrumentation.api.testing.RecordingSdk;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Headers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The iterator the application's loop over polled records gets: one CONSUMER span per record, current while the
 * loop body handles it and ended when the loop asks for the next record or is left; and the record headers that
 * carry the producer's context.
 */
class TracingRecordIteratorTest {

  private static final InMemorySpanExporter EXPORTED = RecordingSdk.install();

  private List<SpanContext> producers;
  private List<ConsumerRecord<String, String>> records;

  @BeforeEach
  void twoRecordsFromTwoProducers() {
    ProducedRecords produced = new ProducedRecords("orders", 2);
    producers = produced.producers;
    records = produced.records;
    EXPORTED.reset();
  }

  @AfterEach
  void leavesNothingCurrent() {
    assertSame(Context.root(), Context.current());
  }

  @Test
  void eachRecordIsProcessedInItsProducersTraceUntilTheNextIsAskedFor() {
    Iterator<ConsumerRecord<String, String>> iterator =
        new TracingRecordIterator<>(records.iterator(), ClientIdentity.UNKNOWN);

    int handled = 0;
    while (iterator.hasNext()) {
      ConsumerRecord<String, String> record = iterator.next();
      Span current = Span.current();
      assertEquals(
          producers.get(handled).getTraceId(),
          current.getSpanContext().getTraceId(),
          "the loop body runs in the trace of " + record.key() + "'s producer");
      assertEquals(
          handled, EXPORTED.getFinishedSpanItems().size(), "the previous record's span has ended");
      handled++;
    }

    List<SpanData> spans = EXPORTED.getFinishedSpanItems();
    assertEquals(2, spans.size());
    for (int i = 0; i < 2; i++) {
      SpanData span = spans.get(i);
      assertEquals("process orders", span.getName());
      assertEquals(SpanKind.CONSUMER, span.getKind());
      assertEquals(producers.get(i).getSpanId(), span.getParentSpanId());
      assertEquals(
          (long) i, span.getAttributes().get(AttributeKey.longKey("messaging.kafka.offset")));
    }
  }

  @Test
  void leavingTheLoopEndsTheRecordBeingHandled() {
    TracingRecordIterator<String, String> iterator =
        new TracingRecordIterator<>(records.iterator(), ClientIdentity.UNKNOWN);

    iterator.next();
    assertTrue(Span.current().getSpanContext().isValid());
    iterator.loopLeft(); // what a rewritten break calls

    assertEquals(1, EXPORTED.getFinishedSpanItems().size());
  }

  @Test
  void theProducersContextIsReadFromTheLastHeaderAndWrittenOverAnOldOne() {
    Headers headers = new org.apache.kafka.common.header.internals.RecordHeaders();
    RecordHeaders carrier = RecordHeaders.INSTANCE;

    carrier.set(headers, "traceparent", "first");
    carrier.set(headers, "traceparent", "second");

    assertEquals(1, headers.toArray().length, "a forwarded record keeps one traceparent");
    assertEquals("second", carrier.get(headers, "traceparent"));
    assertEquals(
        "second", new String(headers.lastHeader("traceparent").value(), StandardCharsets.UTF_8));
    assertEquals(List.of("traceparent"), carrier.keys(headers));
    assertNull(carrier.get(headers, "absent"));
    assertNull(carrier.get(null, "traceparent"));
  }
}
