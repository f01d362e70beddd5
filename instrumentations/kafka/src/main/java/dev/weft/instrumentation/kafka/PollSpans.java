package dev.weft.instrumentation.kafka;

import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecords;

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
    KafkaTracing.batchSpan("poll", "receive", KafkaTracing.inOrder(records), consumer)
        .setStartTimestamp(startEpochNanos, TimeUnit.NANOSECONDS)
        .startSpan()
        .end();
  }
}
