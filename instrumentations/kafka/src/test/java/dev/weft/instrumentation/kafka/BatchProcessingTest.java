package dev.weft.instrumentation.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.instrumentation.api.testing.RecordingSdk;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.LinkData;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A batch listener's invocation as the spring-kafka advice drives it: the batch span, the wrapped collection the
 * listener gets, and the container thread that only moves records.
 */
class BatchProcessingTest {

  private static final String TOPIC = "orders";
  private static final InMemorySpanExporter EXPORTED = RecordingSdk.install();

  private List<SpanContext> producers;
  private List<ConsumerRecord<String, String>> records;
  private ConsumerRecords<String, String> polled;

  @BeforeEach
  void threeRecordsFromThreeProducers() {
    ProducedRecords produced = new ProducedRecords(TOPIC, 3);
    producers = produced.producers;
    records = produced.records;
    polled = new ConsumerRecords<>(Map.of(produced.partition, records));
    EXPORTED.reset();
    RecordHandOff.threadStarted();
  }

  @AfterEach
  void leavesNothingOpen() {
    RecordHandOff.threadEnded();
    assertNull(BatchProcessing.current());
    assertSame(Context.root(), Context.current(), "no context current after the invocation");
  }

  /** Starts an invocation whose listener method takes {@code argument}; returns what the method gets. */
  @SuppressWarnings("unchecked")
  private <T> List<T> listenerGets(BatchProcessing batch, Object argument) {
    Object[] arguments = {argument, "other"};
    assertTrue(BatchProcessing.listenerCalled(arguments));
    assertEquals("other", arguments[1]);
    return (List<T>) arguments[0];
  }

  private SpanData batchSpan() {
    return EXPORTED.getFinishedSpanItems().stream()
        .filter(span -> span.getAttributes().get(MessagingAttributes.BATCH_COUNT) != null)
        .findFirst()
        .orElseThrow();
  }

  private List<SpanData> recordSpans() {
    return EXPORTED.getFinishedSpanItems().stream()
        .filter(span -> span.getAttributes().get(MessagingAttributes.BATCH_COUNT) == null)
        .collect(Collectors.toList());
  }

  /** Each record span is its producer's child, in order, linked to the batch. */
  private void assertEachRecordProcessedInItsProducersTrace() {
    SpanData batch = batchSpan();
    List<SpanData> recordSpans = recordSpans();
    assertEquals(3, recordSpans.size());
    for (int i = 0; i < 3; i++) {
      SpanData span = recordSpans.get(i);
      assertEquals("process " + TOPIC, span.getName());
      assertEquals(SpanKind.CONSUMER, span.getKind());
      assertEquals(producers.get(i).getSpanId(), span.getParentSpanId());
      assertEquals(producers.get(i).getTraceId(), span.getTraceId());
      assertEquals((long) i, span.getAttributes().get(MessagingAttributes.OFFSET));
      assertEquals(
          List.of(batch.getSpanContext()),
          span.getLinks().stream().map(LinkData::getSpanContext).collect(Collectors.toList()));
    }
  }

  @Test
  void theBatchSpanLinksEveryProducerAndLastsTheInvocation() {
    BatchProcessing batch = BatchProcessing.start(polled, records, ClientIdentity.UNKNOWN);
    assertSame(batch, BatchProcessing.current());
    assertEquals(
        batch.spanContext(), Span.current().getSpanContext(), "the batch is current while it runs");
    batch.end(null);

    SpanData span = batchSpan();
    assertEquals("process " + TOPIC, span.getName());
    assertEquals(SpanKind.CONSUMER, span.getKind());
    assertEquals(3L, span.getAttributes().get(MessagingAttributes.BATCH_COUNT));
    assertEquals(TOPIC, span.getAttributes().get(MessagingAttributes.DESTINATION_NAME));
    assertEquals("process", span.getAttributes().get(MessagingAttributes.OPERATION_TYPE));
    assertEquals(
        producers.stream().map(SpanContext::getSpanId).collect(Collectors.toSet()),
        span.getLinks().stream()
            .map(link -> link.getSpanContext().getSpanId())
            .collect(Collectors.toSet()));
    assertEquals(
        List.of(span), EXPORTED.getFinishedSpanItems(), "no span for records not iterated");
  }

  @Test
  void forEachLoopProcessesEachRecordUntilTheNextAndTheBatchIsCurrentAfterTheLoop() {
    BatchProcessing batch = BatchProcessing.start(polled, records, ClientIdentity.UNKNOWN);
    List<ConsumerRecord<String, String>> list = listenerGets(batch, records);
    int index = 0;
    for (ConsumerRecord<String, String> record : list) {
      assertSame(records.get(index), record);
      assertEquals(
          producers.get(index).getTraceId(),
          Span.current().getSpanContext().getTraceId(),
          "the record's context is current while it is handled");
      index++;
    }
    assertEquals(
        batch.spanContext(),
        Span.current().getSpanContext(),
        "after the loop, the batch's context");
    assertEquals(3, recordSpans().size(), "every record ended when the loop asked for the next");
    BatchProcessing.listenerReturned();
    batch.end(null);
    assertEachRecordProcessedInItsProducersTrace();
  }

  @Test
  void forEachAndStreamsOverMessagesOrPayloadsProcessTheRecordsAtTheSameIndex() {
    List<String> payloads = new ArrayList<>(List.of("value-0", "value-1", "value-2"));
    BatchProcessing batch = BatchProcessing.start(polled, records, ClientIdentity.UNKNOWN);
    BatchProcessing.convertedForListener(payloads);
    List<String> list = listenerGets(batch, payloads);
    List<String> seen = new ArrayList<>();
    list.forEach(seen::add);
    assertEquals(payloads, seen);
    assertEquals(payloads, list.stream().collect(Collectors.toList()), "a second pass");
    BatchProcessing.listenerReturned();
    batch.end(null);
    assertEquals(6, recordSpans().size(), "two passes, each record processed in each");
  }

  @Test
  void anIndexLoopProcessesRecordsInOrderAndBookkeepingByIndexProcessesNothing() {
    BatchProcessing batch = BatchProcessing.start(polled, records, ClientIdentity.UNKNOWN);
    List<ConsumerRecord<String, String>> list = listenerGets(batch, records);
    assertEquals(2L, list.get(list.size() - 1).offset(), "the last offset, read first");
    for (int i = 0; i < list.size(); i++) {
      list.get(i);
      list.get(i); // the same record again
      assertEquals(producers.get(i).getTraceId(), Span.current().getSpanContext().getTraceId());
    }
    assertEquals(
        batch.spanContext(),
        Span.current().getSpanContext(),
        "the loop's last size() ended the last");
    list.get(0);
    assertEquals(
        batch.spanContext(),
        Span.current().getSpanContext(),
        "get(0) after the loop is bookkeeping");
    BatchProcessing.listenerReturned();
    batch.end(null);
    assertEachRecordProcessedInItsProducersTrace();
  }

  @Test
  void sizeToStringContainsAndCopiesProcessNothing() {
    BatchProcessing batch = BatchProcessing.start(polled, records, ClientIdentity.UNKNOWN);
    List<ConsumerRecord<String, String>> list = listenerGets(batch, records);
    assertEquals(records.toString(), list.toString());
    assertTrue(list.contains(records.get(1)));
    assertEquals(records, new ArrayList<>(list));
    assertTrue(list.equals(records));
    BatchProcessing.listenerReturned();
    batch.end(null);
    assertEquals(List.of(), recordSpans());
  }

  @Test
  void aListenerThatThrowsMidLoopLeavesNoSpanOpenAndTheBatchRecordsTheException() {
    BatchProcessing batch = BatchProcessing.start(polled, records, ClientIdentity.UNKNOWN);
    List<ConsumerRecord<String, String>> list = listenerGets(batch, records);
    list.iterator().next();
    BatchProcessing.listenerReturned();
    assertEquals(1, recordSpans().size(), "the record being handled ends with the listener");
    batch.end(new IllegalStateException("listener failed"));
    SpanData span = batchSpan();
    assertEquals(StatusCode.ERROR, span.getStatus().getStatusCode());
    assertEquals(
        "java.lang.IllegalStateException",
        span.getAttributes().get(AttributeKey.stringKey("error.type")));
  }

  @Test
  void
      anApplicationsOwnBatchListenerGetsTheListWrappedAndIteratingItAfterTheInvocationProcessesNothing() {
    BatchProcessing batch = BatchProcessing.start(polled, records, ClientIdentity.UNKNOWN);
    Object[] handedOn = BatchProcessing.handedToListener(records, new Object() {});
    assertTrue(
        handedOn[0] instanceof BatchRecordList,
        "a listener of the application's own gets it wrapped");
    List<?> kept = (List<?>) handedOn[0];
    BatchProcessing.listenerReturned();
    batch.end(null);
    for (Object ignored : kept) {
      assertSame(Context.root(), Context.current());
    }
    assertEquals(
        List.of(), recordSpans(), "the invocation is over: iterating later processes nothing");
  }

  @Test
  void onAHandOffThreadPolledRecordsAreOnlyMovedExceptByTheListener() {
    assertNull(PolledRecords.consumerOf(polled), "the container's own iteration makes no spans");
    BatchProcessing batch =
        BatchProcessing.start(polled, new ArrayList<>(), ClientIdentity.UNKNOWN);
    assertTrue(BatchProcessing.listenerCalled(new Object[] {polled}));
    assertNotNull(
        PolledRecords.consumerOf(polled),
        "the listener's iteration of ConsumerRecords makes spans");
    BatchProcessing.listenerReturned();
    assertNull(PolledRecords.consumerOf(polled));
    batch.end(null);
    assertEquals(
        3L,
        batchSpan().getAttributes().get(MessagingAttributes.BATCH_COUNT),
        "counted from the poll");
    RecordHandOff.threadEnded();
    assertNotNull(
        PolledRecords.consumerOf(polled), "elsewhere the application's iteration makes spans");
  }
}
