package dev.weft.instrumentation.kafka;

import net.bytebuddy.asm.Advice;

/**
 * spring-kafka's {@code KafkaMessageListenerContainer.ListenerConsumer.run()}, the container's consumer thread: it
 * hands the records it polls on to the listener ({@link RecordHandOff}).
 */
public final class SpringListenerThreadAdvice {

  private SpringListenerThreadAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
  public static void enter() {
    RecordHandOff.threadStarted();
  }

  @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class, inline = false)
  public static void exit() {
    RecordHandOff.threadEnded();
  }
}
