package dev.weft.instrumentation.kafka;

import static dev.weft.instrumentation.kafka.MessagingAttributes.CLIENT_ID;
import static dev.weft.instrumentation.kafka.MessagingAttributes.DESTINATION_NAME;
import static dev.weft.instrumentation.kafka.MessagingAttributes.KAFKA;
import static dev.weft.instrumentation.kafka.MessagingAttributes.MESSAGE_KEY;
import static dev.weft.instrumentation.kafka.MessagingAttributes.OPERATION_NAME;
import static dev.weft.instrumentation.kafka.MessagingAttributes.OPERATION_TYPE;
import static dev.weft.instrumentation.kafka.MessagingAttributes.PARTITION_ID;
import static dev.weft.instrumentation.kafka.MessagingAttributes.SYSTEM;
import static dev.weft.instrumentation.kafka.MessagingAttributes.TOMBSTONE;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Context;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;

/** Starts the {@code send {topic}} span of one record and writes its context into the record's headers. */
final class ProducerSpans {

  private ProducerSpans() {}

  static TracingCallback start(Producer<?, ?> producer, ProducerRecord<?, ?> record, Callback callback) {
    Context caller = Context.current();
    String topic = record.topic();
    SpanBuilder builder = KafkaTracing.TRACER.spanBuilder("send " + topic)
        .setSpanKind(SpanKind.PRODUCER)
        .setParent(caller)
        .setAttribute(SYSTEM, KAFKA)
        .setAttribute(DESTINATION_NAME, topic)
        .setAttribute(OPERATION_TYPE, "send")
        .setAttribute(OPERATION_NAME, "send");
    if (record.key() instanceof String) {
      builder.setAttribute(MESSAGE_KEY, (String) record.key());
    }
    if (record.value() == null) {
      builder.setAttribute(TOMBSTONE, true);
    }
    if (record.partition() != null) {
      builder.setAttribute(PARTITION_ID, record.partition().toString());
    }
    String clientId = ClientIdentity.ofProducer(producer).clientId;
    if (clientId != null) {
      builder.setAttribute(CLIENT_ID, clientId);
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
