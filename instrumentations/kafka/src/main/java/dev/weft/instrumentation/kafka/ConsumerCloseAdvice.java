package dev.weft.instrumentation.kafka;

import net.bytebuddy.asm.Advice;

/** {@code KafkaConsumer.close}: the record still open on this thread is done. */
public final class ConsumerCloseAdvice {

  private ConsumerCloseAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
  public static void enter() {
    RecordProcessing.endOpenOnThisThread();
  }
}
