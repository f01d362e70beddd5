package dev.weft.instrumentation.kafka;

import net.bytebuddy.asm.Advice;
import net.bytebuddy.implementation.bytecode.assign.Assigner;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * {@code KafkaProducer.send(record, callback)} (the one-argument send calls it): a PRODUCER span whose context goes
 * into the record's headers, ended by a callback that wraps the application's.
 */
public final class ProducerSendAdvice {

  private ProducerSendAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
  @Advice.AssignReturned.ToArguments(
      @Advice.AssignReturned.ToArguments.ToArgument(
          value = 1,
          index = 0,
          typing = Assigner.Typing.DYNAMIC))
  public static Object[] enter(
      @Advice.This Producer<?, ?> producer,
      @Advice.Argument(0) ProducerRecord<?, ?> record,
      @Advice.Argument(1) Callback callback) {
    return new Object[] {ProducerSpans.start(producer, record, callback)};
  }

  @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class, inline = false)
  public static void exit(@Advice.Enter Object[] started, @Advice.Thrown Throwable thrown) {
    if (thrown != null && started != null && started[0] instanceof TracingCallback) {
      ((TracingCallback) started[0]).failed(thrown);
    }
  }
}
