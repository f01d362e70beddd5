package dev.weft.instrumentation.kafka;

import net.bytebuddy.asm.Advice;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;

/** {@code KafkaConsumer.poll}: ends the record still open on this thread; remembers which consumer polled what. */
public final class ConsumerPollAdvice {

  private ConsumerPollAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
  public static long enter() {
    PolledRecords.pollStarted();
    return PollSpans.startEpochNanos();
  }

  @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class, inline = false)
  public static void exit(
      @Advice.This KafkaConsumer<?, ?> consumer,
      @Advice.Return ConsumerRecords<?, ?> records,
      @Advice.Enter long startEpochNanos) {
    PolledRecords.pollEnded(consumer, records, startEpochNanos);
  }
}
