package dev.weft.instrumentation.kafka;

import static dev.weft.instrumentation.kafka.MessagingAttributes.BODY_SIZE;
import static dev.weft.instrumentation.kafka.MessagingAttributes.CONSUMER_GROUP;
import static dev.weft.instrumentation.kafka.MessagingAttributes.OFFSET;
import static dev.weft.instrumentation.kafka.MessagingAttributes.PARTITION_ID;

import dev.weft.instrumentation.api.SpanErrors;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * The application handling one consumed record: a {@code process {topic}} CONSUMER span, the child of the
 * producer's context from the record's headers, current on the handling thread until {@link #end()}.
 *
 * <p>Whatever ends the handling of a record ends it: the loop asking for the next record (or whether there is
 * one), the loop left by {@code break} or {@code return} (see {@link LoopExits}), and, for a loop left by an
 * exception or an iterator abandoned, the next record, poll or closing of the consumer on that thread. A record
 * handled inside a batch listener's invocation also links to the batch's span, and ends with the invocation at the
 * latest.
 */
final class RecordProcessing {

  private static final TopicSpanNames PROCESS = new TopicSpanNames("process");

  /**
   * The record open on each handling thread, in slot 0 of an array the thread keeps: setting and removing the
   * thread-local itself for every record would allocate a new thread-local entry (a weak reference) per record. A
   * JDK type, emptied when the record ends, so that no thread keeps this module's class loader (and with it the
   * application's) alive.
   */
  private static final ThreadLocal<Object[]> OPEN = new ThreadLocal<>();

  private final Span span;
  private final Scope scope;
  private final Thread handler;
  private boolean ended;

  private RecordProcessing(Span span, Scope scope) {
    this.span = span;
    this.scope = scope;
    this.handler = Thread.currentThread();
  }

  /**
   * Starts handling a record on this thread, which ends the one it was handling, if any: a thread handles one
   * record at a time, and a record still open here belongs to a loop that was left by an exception.
   */
  static RecordProcessing start(ConsumerRecord<?, ?> record, ClientIdentity consumer) {
    Object[] open = OPEN.get();
    if (open == null) {
      open = new Object[1];
      OPEN.set(open);
    } else if (open[0] != null) {
      ((RecordProcessing) open[0]).end();
    }
    Context producer = KafkaTracing.producerContext(record.headers());
    SpanBuilder builder =
        KafkaTracing.recordSpan(
                PROCESS,
                SpanKind.CONSUMER,
                producer,
                record.topic(),
                record.key(),
                record.value(),
                consumer)
            .setAttribute(PARTITION_ID, PartitionIds.of(record.partition()))
            .setAttribute(OFFSET, record.offset());
    if (record.serializedValueSize() >= 0) {
      builder.setAttribute(BODY_SIZE, (long) record.serializedValueSize());
    }
    if (consumer.consumerGroup != null) {
      builder.setAttribute(CONSUMER_GROUP, consumer.consumerGroup);
    }
    BatchProcessing batch = BatchProcessing.current();
    if (batch != null) {
      builder.addLink(batch.spanContext());
    }
    Span span = builder.startSpan();
    RecordProcessing processing = new RecordProcessing(span, producer.with(span).makeCurrent());
    open[0] = processing;
    return processing;
  }

  /** The handling of the record open on this thread failed: the span records the exception (and ends later). */
  static void failOpenOnThisThread(Throwable thrown) {
    RecordProcessing open = openOnThisThread();
    if (open != null && !open.ended) {
      SpanErrors.recordException(open.span, thrown);
    }
  }

  /** Ends the record open on this thread, if any. */
  static void endOpenOnThisThread() {
    RecordProcessing open = openOnThisThread();
    if (open != null) {
      open.end();
    }
  }

  private static RecordProcessing openOnThisThread() {
    Object[] open = OPEN.get();
    return open == null ? null : (RecordProcessing) open[0];
  }

  /**
   * Ends the span. The scope can only be closed on the thread that opened it; from another thread it is left for
   * that thread's next poll or loop step.
   */
  void end() {
    if (!ended) {
      ended = true;
      span.end();
    }
    if (Thread.currentThread() == handler) {
      Object[] open = OPEN.get();
      if (open != null && open[0] == this) {
        scope.close();
        open[0] = null;
      }
    }
  }
}
