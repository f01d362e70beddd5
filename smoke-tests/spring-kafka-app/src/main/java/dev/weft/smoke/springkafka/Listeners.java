package dev.weft.smoke.springkafka;

import dev.weft.smoke.support.UrlCaller;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.annotation.RetryableTopic;
import org.springframework.messaging.Message;
import org.springframework.stereotype.Component;

/**
 * One listener per topic {@code <prefix>-<name>}, each in its own group {@code <prefix>-<name>}: record listeners
 * ({@code record}, {@code record-retry} failing each record's first delivery, {@code retryable} with
 * {@code @RetryableTopic}) and batch listeners taking each batch signature, iterating it a different way (or not at
 * all: {@code batch-whole}), one of them failing its first invocation ({@code batch-fail}). Each handled record is a
 * GET of {@code ?<name>=<value>} (with {@code -attempt-N} where it is retried); a batch listener that iterates also
 * GETs {@code ?<name>-after=<first value>} after its loop, in the batch's context.
 */
@Component
public class Listeners {

  private final UrlCaller calls;
  private final Set<String> failedOnce = ConcurrentHashMap.newKeySet();
  private final AtomicInteger batchFailAttempts = new AtomicInteger();

  public Listeners(@Value("${weft.call-url}") String callUrl) {
    this.calls = new UrlCaller(callUrl);
  }

  @KafkaListener(topics = "${weft.topic-prefix}-record", groupId = "${weft.topic-prefix}-record")
  public void record(ConsumerRecord<String, String> record) {
    calls.get("record", record.value());
  }

  @KafkaListener(
      topics = "${weft.topic-prefix}-record-retry",
      groupId = "${weft.topic-prefix}-record-retry")
  public void recordRetry(ConsumerRecord<String, String> record) {
    boolean first = failedOnce.add(record.value());
    calls.get("record-retry", record.value() + (first ? "-attempt-1" : "-attempt-2"));
    if (first) {
      throw new IllegalStateException("first delivery of " + record.value() + " fails");
    }
  }

  @RetryableTopic(attempts = "2")
  @KafkaListener(
      topics = "${weft.topic-prefix}-retryable",
      groupId = "${weft.topic-prefix}-retryable")
  public void retryable(ConsumerRecord<String, String> record) {
    boolean first = record.topic().endsWith("-retryable");
    calls.get("retryable", record.value() + (first ? "-attempt-1" : "-attempt-2"));
    if (first) {
      throw new IllegalStateException("first delivery of " + record.value() + " fails");
    }
  }

  @KafkaListener(
      topics = "${weft.topic-prefix}-batch-for",
      groupId = "${weft.topic-prefix}-batch-for",
      batch = "true")
  public void batchFor(List<ConsumerRecord<String, String>> records) {
    for (ConsumerRecord<String, String> record : records) {
      calls.get("batch-for", record.value());
    }
    calls.get("batch-for-after", records.get(0).value());
  }

  @KafkaListener(
      topics = "${weft.topic-prefix}-batch-foreach",
      groupId = "${weft.topic-prefix}-batch-foreach",
      batch = "true")
  public void batchForEach(List<Message<String>> messages) {
    messages.forEach(message -> calls.get("batch-foreach", message.getPayload()));
    calls.get("batch-foreach-after", messages.get(0).getPayload());
  }

  @KafkaListener(
      topics = "${weft.topic-prefix}-batch-index",
      groupId = "${weft.topic-prefix}-batch-index",
      batch = "true")
  public void batchIndex(List<String> values) {
    for (int i = 0; i < values.size(); i++) {
      calls.get("batch-index", values.get(i));
    }
    calls.get("batch-index-after", values.get(0));
  }

  @KafkaListener(
      topics = "${weft.topic-prefix}-batch-stream",
      groupId = "${weft.topic-prefix}-batch-stream",
      batch = "true")
  public void batchStream(List<ConsumerRecord<String, String>> records) {
    records.stream().map(ConsumerRecord::value).forEach(value -> calls.get("batch-stream", value));
    calls.get("batch-stream-after", records.get(0).value());
  }

  @KafkaListener(
      topics = "${weft.topic-prefix}-batch-records",
      groupId = "${weft.topic-prefix}-batch-records",
      batch = "true")
  public void batchRecords(ConsumerRecords<String, String> records) {
    String first = null;
    for (ConsumerRecord<String, String> record : records) {
      calls.get("batch-records", record.value());
      first = first == null ? record.value() : first;
    }
    calls.get("batch-records-after", first);
  }

  @KafkaListener(
      topics = "${weft.topic-prefix}-batch-fail",
      groupId = "${weft.topic-prefix}-batch-fail",
      batch = "true")
  public void batchFail(List<ConsumerRecord<String, String>> records) {
    int attempt = batchFailAttempts.incrementAndGet();
    for (ConsumerRecord<String, String> record : records) {
      calls.get("batch-fail", record.value() + "-attempt-" + attempt);
    }
    if (attempt == 1) {
      throw new IllegalStateException("the first invocation fails");
    }
  }

  @KafkaListener(
      topics = "${weft.topic-prefix}-batch-whole",
      groupId = "${weft.topic-prefix}-batch-whole",
      batch = "true")
  public void batchWhole(List<String> values) {
    calls.get("batch-whole", values.size() + "-records");
  }
}
