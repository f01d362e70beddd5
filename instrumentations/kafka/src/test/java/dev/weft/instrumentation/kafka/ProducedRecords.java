package dev.weft.instrumentation.kafka;

import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Context;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

/**
 * Records as a consumer polls them from partition 0 of a topic, each sent in a producer span of its own (ended, in a
 * trace of its own) whose context the record's headers carry; the spans go to the test's SDK.
 */
final class ProducedRecords {

  final TopicPartition partition;
  final List<ConsumerRecord<String, String>> records = new ArrayList<>();

  /** The producer span's context of each record, in the same order. */
  final List<SpanContext> producers = new ArrayList<>();

  ProducedRecords(String topic, int count) {
    partition = new TopicPartition(topic, 0);
    for (int i = 0; i < count; i++) {
      Span producer =
          GlobalOpenTelemetry.getTracer("test")
              .spanBuilder("send")
              .setParent(Context.root())
              .setSpanKind(SpanKind.PRODUCER)
              .startSpan();
      producer.end();
      producers.add(producer.getSpanContext());
      ConsumerRecord<String, String> record =
          new ConsumerRecord<>(topic, 0, i, "key-" + i, "value-" + i);
      KafkaTracing.inject(Context.root().with(producer), record.headers());
      records.add(record);
    }
  }
}
