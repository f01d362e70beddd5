package dev.weft.instrumentation.kafka;

import net.bytebuddy.asm.Advice;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * {@code ListenerConsumer.doInvokeRecordListener(record, iterator)}: one delivery of a record to a record listener,
 * with the container's error handling of it (retries by seeking, recovery, publishing to a retry or dead-letter
 * topic), is the record's process span, so what the error handler sends stays in the record's trace.
 */
public final class SpringRecordListenerAdvice {

  private SpringRecordListenerAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
  public static Object enter(
      @Advice.Argument(0) ConsumerRecord<?, ?> record,
      @Advice.FieldValue("consumer") Consumer<?, ?> consumer) {
    return RecordProcessing.start(record, ClientIdentity.ofConsumer(consumer));
  }

  @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class, inline = false)
  public static void exit(@Advice.Enter Object processing) {
    if (processing instanceof RecordProcessing) {
      ((RecordProcessing) processing).end();
    }
  }
}
