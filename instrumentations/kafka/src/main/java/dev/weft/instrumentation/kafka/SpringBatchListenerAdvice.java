package dev.weft.instrumentation.kafka;

import java.util.List;
import net.bytebuddy.asm.Advice;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;

/**
 * {@code ListenerConsumer.invokeBatchOnMessageWithRecordsOrList(records, recordList)}: one invocation of a batch
 * listener (the error handler's retries of a batch call it again: each its own batch span).
 */
public final class SpringBatchListenerAdvice {

  private SpringBatchListenerAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
  public static Object enter(
      @Advice.Argument(0) ConsumerRecords<?, ?> records,
      @Advice.Argument(1) List<? extends ConsumerRecord<?, ?>> recordList,
      @Advice.FieldValue("consumer") Consumer<?, ?> consumer) {
    if (records == null || records.isEmpty()) {
      return null;
    }
    return BatchProcessing.start(records, recordList, ClientIdentity.ofConsumer(consumer));
  }

  @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class, inline = false)
  public static void exit(@Advice.Enter Object batch, @Advice.Thrown Throwable thrown) {
    if (batch instanceof BatchProcessing) {
      ((BatchProcessing) batch).end(thrown);
    }
  }
}
