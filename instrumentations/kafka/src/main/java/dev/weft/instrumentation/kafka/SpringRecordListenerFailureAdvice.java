package dev.weft.instrumentation.kafka;

import net.bytebuddy.asm.Advice;

/** {@code ListenerConsumer.invokeOnMessage(record)}: the record listener threw; its record's span records it. */
public final class SpringRecordListenerFailureAdvice {

  private SpringRecordListenerFailureAdvice() {}

  @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class, inline = false)
  public static void exit(@Advice.Thrown Throwable thrown) {
    if (thrown != null) {
      RecordProcessing.failOpenOnThisThread(BatchProcessing.listenerException(thrown));
    }
  }
}
