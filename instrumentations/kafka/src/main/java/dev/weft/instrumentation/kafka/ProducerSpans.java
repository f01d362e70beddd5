package dev.weft.instrumentation.kafka;

import static dev.weft.instrumentation.kafka.MessagingAttributes.PARTITION_ID;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Context;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;

/** Starts the {@code send {topic}} span of one record and writes its context into the record's headers. */
final class ProducerSpans {

  private static final TopicSpanNames SEND = new TopicSpanNames("send");

  private ProducerSpans() {}

  static TracingCallback start(
      Producer<?, ?> producer, ProducerRecord<?, ?> record, Callback callback) {
    Context caller = Context.current();
    SpanBuilder builder =
        KafkaTracing.recordSpan(
            SEND,
            SpanKind.PRODUCER,
            caller,
            record.topic(),
            record.key(),
            record.value(),
            ClientIdentity.ofProducer(producer));
    if (record.partition() != null) {
      builder.setAttribute(PARTITION_ID, PartitionIds.of(record.partition()));
    }
    Span span = builder.startSpan();
    if (KafkaTracing.PRODUCER_PROPAGATION) {
      inject(caller.with(span), record);
    }
    return new TracingCallback(span, caller, callback);
  }

  private static void inject(Context context, ProducerRecord<?, ?> record) {
    try {
      KafkaTracing.inject(context, record.headers());
    } catch (IllegalStateException readOnly) {
      // a record sent before has read-only headers, which keep the context of its first send
    }
  }
}
