package dev.weft.instrumentation.kafka;

import net.bytebuddy.asm.Advice;
import org.springframework.messaging.Message;

/**
 * spring-messaging's {@code InvocableHandlerMethod.invoke(message, providedArgs)}: inside a batch listener's
 * invocation, the message's payload is the list of messages or payloads the framework made of the records, which
 * the listener method may take.
 */
public final class SpringHandlerMessageAdvice {

  private SpringHandlerMessageAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
  public static void enter(@Advice.Argument(0) Message<?> message) {
    if (message != null && BatchProcessing.current() != null) {
      BatchProcessing.convertedForListener(message.getPayload());
    }
  }
}
