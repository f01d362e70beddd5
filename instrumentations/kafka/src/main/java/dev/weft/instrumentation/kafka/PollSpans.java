package dev.weft.instrumentation.kafka;

import static dev.weft.instrumentation.kafka.MessagingAttributes.BATCH_COUNT;
import static dev.weft.instrumentation.kafka.MessagingAttributes.CLIENT_ID;
import static dev.weft.instrumentation.kafka.MessagingAttributes.CONSUMER_GROUP;
import static dev.weft.instrumentation.kafka.MessagingAttributes.DESTINATION_NAME;
import static dev.weft.instrumentation.kafka.MessagingAttributes.KAFKA;
import static dev.weft.instrumentation.kafka.MessagingAttributes.OPERATION_NAME;
import static dev.weft.instrumentation.kafka.MessagingAttributes.OPERATION_TYPE;
import static dev.weft.instrumentation.kafka.MessagingAttributes.SYSTEM;

import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;

/**
 * The optional {@code poll {topic}} span of a non-empty poll, linked to the producer of every record it returned,
 * so a consumer that handles the batch as a whole keeps the causal links. It is a child of whatever was current
 * around the poll (usually nothing: a new trace).
 */
final class PollSpans {

  private PollSpans() {}

  /** When a poll starts, for its span; 0 when poll spans are off (no clock read). */
  static long startEpochNanos() {
    if (!KafkaTracing.POLL_SPANS) {
      return 0;
    }
    Instant now = Instant.now();
    return TimeUnit.SECONDS.toNanos(now.getEpochSecond()) + now.getNano();
  }

  static void record(ConsumerRecords<?, ?> records, ClientIdentity consumer, long startEpochNanos) {
    String topic = singleTopic(records);
    SpanBuilder builder = KafkaTracing.TRACER.spanBuilder(topic == null ? "poll" : "poll " + topic)
        .setSpanKind(SpanKind.CONSUMER)
        .setStartTimestamp(startEpochNanos, TimeUnit.NANOSECONDS)
        .setAttribute(SYSTEM, KAFKA)
        .setAttribute(OPERATION_TYPE, "receive")
        .setAttribute(OPERATION_NAME, "poll")
        .setAttribute(BATCH_COUNT, (long) records.count());
    if (topic != null) {
      builder.setAttribute(DESTINATION_NAME, topic);
    }
    if (consumer.consumerGroup != null) {
      builder.setAttribute(CONSUMER_GROUP, consumer.consumerGroup);
    }
    if (consumer.clientId != null) {
      builder.setAttribute(CLIENT_ID, consumer.clientId);
    }
    for (TopicPartition partition : records.partitions()) {
      for (ConsumerRecord<?, ?> record : records.records(partition)) {
        SpanContext producer = KafkaTracing.producerSpanContext(record.headers());
        if (producer.isValid()) {
          builder.addLink(producer);
        }
      }
    }
    builder.startSpan().end();
  }

  /** The one topic the records come from, or {@code null} when there are several. */
  private static String singleTopic(ConsumerRecords<?, ?> records) {
    String topic = null;
    for (TopicPartition partition : records.partitions()) {
      if (topic == null) {
        topic = partition.topic();
      } else if (!topic.equals(partition.topic())) {
        return null;
      }
    }
    return topic;
  }
}
