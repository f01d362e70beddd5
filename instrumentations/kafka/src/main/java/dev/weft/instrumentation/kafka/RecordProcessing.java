package dev.weft.instrumentation.kafka;

import static dev.weft.instrumentation.kafka.MessagingAttributes.BODY_SIZE;
import static dev.weft.instrumentation.kafka.MessagingAttributes.CONSUMER_GROUP;
import static dev.weft.instrumentation.kafka.MessagingAttributes.OFFSET;
import static dev.weft.instrumentation.kafka.MessagingAttributes.PARTITION_ID;


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
 * exception or an iterator abandoned, the consumer's next poll or its closing on that thread.
 */
final class RecordProcessing {

  private static final ThreadLocal<RecordProcessing> OPEN = new ThreadLocal<>();

  private final Span span;
  private final Scope scope;
  private final Thread handler;
  private final RecordProcessing outer;
  private boolean ended;

  private RecordProcessing(Span span, Scope scope, RecordProcessing outer) {
    this.span = span;
    this.scope = scope;
    this.handler = Thread.currentThread();
    this.outer = outer;
  }

  static RecordProcessing start(ConsumerRecord<?, ?> record, ClientIdentity consumer) {
    Context producer = KafkaTracing.producerContext(record.headers());
    SpanBuilder builder = KafkaTracing.recordSpan("process", SpanKind.CONSUMER, producer, record.topic(),
            record.key(), record.value(), consumer)
        .setAttribute(PARTITION_ID, Integer.toString(record.partition()))
        .setAttribute(OFFSET, record.offset());
    if (record.serializedValueSize() >= 0) {
      builder.setAttribute(BODY_SIZE, (long) record.serializedValueSize());
    }
    if (consumer.consumerGroup != null) {
      builder.setAttribute(CONSUMER_GROUP, consumer.consumerGroup);
    }
    Span span = builder.startSpan();
    RecordProcessing processing = new RecordProcessing(span, producer.with(span).makeCurrent(), OPEN.get());
    OPEN.set(processing);
    return processing;
  }

  /** Ends the record open on this thread, if any (with any it was opened inside of). */
  static void endOpenOnThisThread() {
    RecordProcessing open = OPEN.get();
    while (open != null) {
      open.end();
      open = OPEN.get();
    }
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
    if (Thread.currentThread() == handler && OPEN.get() == this) {
      scope.close();
      OPEN.set(outer);
    }
  }
}
