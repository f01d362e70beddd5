package dev.weft.instrumentation.kafka;

import java.util.List;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.implementation.bytecode.assign.Assigner;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * {@code ListenerConsumer.doInvokeBatchOnMessage(records, recordList)}: the container hands the list of records to
 * its batch listener; a listener of the application's own gets the list wrapped ({@link BatchRecordList}).
 */
public final class SpringBatchHandOffAdvice {

  private SpringBatchHandOffAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
  @Advice.AssignReturned.ToArguments(
      @Advice.AssignReturned.ToArguments.ToArgument(
          value = 1,
          index = 0,
          typing = Assigner.Typing.DYNAMIC))
  public static Object[] enter(
      @Advice.Argument(1) List<? extends ConsumerRecord<?, ?>> recordList,
      @Advice.FieldValue("batchListener") Object listener) {
    return BatchProcessing.handedToListener(recordList, listener);
  }

  @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class, inline = false)
  public static void exit(@Advice.Enter Object[] handedOn) {
    if (handedOn != null && handedOn[1] == Boolean.TRUE) {
      BatchProcessing.listenerReturned();
    }
  }
}
