package dev.weft.instrumentation.kafka;

import net.bytebuddy.asm.Advice;

/**
 * spring-messaging's {@code InvocableHandlerMethod.doInvoke(args)}, which calls a {@code @KafkaListener} method
 * with its resolved arguments: inside a batch listener's invocation, the arguments that are the batch are wrapped
 * ({@link BatchRecordList}) and the application's listener is running until it returns. Elsewhere it does nothing.
 */
public final class SpringHandlerMethodAdvice {

  private SpringHandlerMethodAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
  public static boolean enter(@Advice.Argument(0) Object[] arguments) {
    return BatchProcessing.listenerCalled(arguments);
  }

  @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class, inline = false)
  public static void exit(@Advice.Enter boolean listenerCalled) {
    if (listenerCalled) {
      BatchProcessing.listenerReturned();
    }
  }
}
