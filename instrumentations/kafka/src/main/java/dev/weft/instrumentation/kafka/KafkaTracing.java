package dev.weft.instrumentation.kafka;

import static dev.weft.instrumentation.kafka.MessagingAttributes.BATCH_COUNT;
import static dev.weft.instrumentation.kafka.MessagingAttributes.CLIENT_ID;
import static dev.weft.instrumentation.kafka.MessagingAttributes.CONSUMER_GROUP;
import static dev.weft.instrumentation.kafka.MessagingAttributes.DESTINATION_NAME;
import static dev.weft.instrumentation.kafka.MessagingAttributes.KAFKA;
import static dev.weft.instrumentation.kafka.MessagingAttributes.MESSAGE_KEY;
import static dev.weft.instrumentation.kafka.MessagingAttributes.OPERATION_NAME;
import static dev.weft.instrumentation.kafka.MessagingAttributes.OPERATION_TYPE;
import static dev.weft.instrumentation.kafka.MessagingAttributes.SYSTEM;
import static dev.weft.instrumentation.kafka.MessagingAttributes.TOMBSTONE;

import dev.weft.instrumentation.api.InstrumentationConfig;
import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapPropagator;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Headers;

/** The tracer, the propagators and the settings every Kafka span uses. */
final class KafkaTracing {

  static final Tracer TRACER = GlobalOpenTelemetry.getTracer("dev.weft.kafka");

  /** Whether the producer writes its context into record headers. */
  static final boolean PRODUCER_PROPAGATION =
      InstrumentationConfig.getBoolean(
          "otel.instrumentation.kafka.producer-propagation.enabled", true);

  /** Whether each non-empty poll gets a span linked to every record's producer. */
  static final boolean POLL_SPANS =
      InstrumentationConfig.getBoolean("otel.instrumentation.kafka.poll-spans.enabled", false);

  private static final TextMapPropagator PROPAGATOR =
      GlobalOpenTelemetry.getPropagators().getTextMapPropagator();

  private KafkaTracing() {}

  /** The producer's context carried by a record, on an empty context (so a record without one starts a trace). */
  static Context producerContext(Headers headers) {
    return PROPAGATOR.extract(Context.root(), headers, RecordHeaders.INSTANCE);
  }

  /** The producer's span context a record carries; invalid when it carries none. */
  static SpanContext producerSpanContext(Headers headers) {
    return Span.fromContext(producerContext(headers)).getSpanContext();
  }

  static void inject(Context context, Headers headers) {
    PROPAGATOR.inject(context, headers, RecordHeaders.INSTANCE);
  }

  /**
   * A span for one record, {@code {operation} {topic}}, with the attributes the producer and the consumer share
   * (the operation's type and name are the same word for both).
   */
  static SpanBuilder recordSpan(
      TopicSpanNames operation,
      SpanKind kind,
      Context parent,
      String topic,
      Object key,
      Object value,
      ClientIdentity client) {
    SpanBuilder builder =
        TRACER
            .spanBuilder(operation.of(topic))
            .setSpanKind(kind)
            .setParent(parent)
            .setAttribute(SYSTEM, KAFKA)
            .setAttribute(DESTINATION_NAME, topic)
            .setAttribute(OPERATION_TYPE, operation.operation)
            .setAttribute(OPERATION_NAME, operation.operation);
    if (key instanceof String) {
      builder.setAttribute(MESSAGE_KEY, (String) key);
    }
    if (value == null) {
      builder.setAttribute(TOMBSTONE, true);
    }
    if (client.clientId != null) {
      builder.setAttribute(CLIENT_ID, client.clientId);
    }
    return builder;
  }

  /**
   * A CONSUMER span over several records at once (a poll, a batch listener's invocation): {@code {operation} {topic}},
   * or the operation alone when the records come from several topics, with {@code messaging.batch.message_count},
   * linked to every record's producer.
   */
  static SpanBuilder batchSpan(
      String operationName,
      String operationType,
      List<? extends ConsumerRecord<?, ?>> records,
      ClientIdentity consumer) {
    String topic = singleTopic(records);
    SpanBuilder builder =
        TRACER
            .spanBuilder(topic == null ? operationName : operationName + " " + topic)
            .setSpanKind(SpanKind.CONSUMER)
            .setAttribute(SYSTEM, KAFKA)
            .setAttribute(OPERATION_TYPE, operationType)
            .setAttribute(OPERATION_NAME, operationName)
            .setAttribute(BATCH_COUNT, (long) records.size());
    if (topic != null) {
      builder.setAttribute(DESTINATION_NAME, topic);
    }
    if (consumer.consumerGroup != null) {
      builder.setAttribute(CONSUMER_GROUP, consumer.consumerGroup);
    }
    if (consumer.clientId != null) {
      builder.setAttribute(CLIENT_ID, consumer.clientId);
    }
    for (ConsumerRecord<?, ?> record : records) {
      SpanContext producer = producerSpanContext(record.headers());
      if (producer.isValid()) {
        builder.addLink(producer);
      }
    }
    return builder;
  }

  /**
   * The records of a poll in the order the consumer returns them, read partition by partition: never through
   * {@code ConsumerRecords.iterator()}, which would process them.
   */
  static List<ConsumerRecord<?, ?>> inOrder(ConsumerRecords<?, ?> polled) {
    List<ConsumerRecord<?, ?>> records = new ArrayList<>(polled.count());
    for (TopicPartition partition : polled.partitions()) {
      records.addAll(polled.records(partition));
    }
    return records;
  }

  /** The one topic the records come from, or {@code null} when there are several. */
  private static String singleTopic(List<? extends ConsumerRecord<?, ?>> records) {
    String topic = null;
    for (ConsumerRecord<?, ?> record : records) {
      if (topic == null) {
        topic = record.topic();
      } else if (!topic.equals(record.topic())) {
        return null;
      }
    }
    return topic;
  }
}
