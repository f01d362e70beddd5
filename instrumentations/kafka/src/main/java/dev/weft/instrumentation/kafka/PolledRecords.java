package dev.weft.instrumentation.kafka;

import dev.weft.instrumentation.api.WeakIdentityState;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;

/**
 * Connects the records a poll returned with the consumer that polled them, and tells iteration by the application
 * from iteration inside {@code poll} itself (consumer interceptors), which must not make process spans.
 */
final class PolledRecords {

  /** The consumer of each batch of polled records, weakly held and without a lock. */
  private static final WeakIdentityState<ClientIdentity> CONSUMERS = new WeakIdentityState<>();

  private static final ThreadLocal<Boolean> IN_POLL = new ThreadLocal<>();

  private PolledRecords() {}

  /** A poll starts: whatever record this thread was still handling is done. */
  static void pollStarted() {
    RecordProcessing.endOpenOnThisThread();
    IN_POLL.set(Boolean.TRUE);
  }

  static void pollEnded(
      KafkaConsumer<?, ?> consumer, ConsumerRecords<?, ?> records, long startEpochNanos) {
    try {
      if (records != null && !records.isEmpty()) {
        ClientIdentity identity = ClientIdentity.ofConsumer(consumer);
        CONSUMERS.put(records, identity);
        if (KafkaTracing.POLL_SPANS) {
          PollSpans.record(records, identity, startEpochNanos);
        }
      }
    } finally {
      // only now: the poll span reads the records itself
      IN_POLL.remove();
    }
  }

  /**
   * The consumer of records handed to the application, or {@code null} while {@code poll} itself iterates them,
   * or a framework only moves them on ({@link RecordHandOff}).
   */
  static ClientIdentity consumerOf(ConsumerRecords<?, ?> records) {
    if (IN_POLL.get() != null || RecordHandOff.handingOn()) {
      return null;
    }
    ClientIdentity identity = CONSUMERS.get(records);
    return identity == null ? ClientIdentity.UNKNOWN : identity;
  }
}
