package dev.weft.instrumentation.annotations;

import net.bytebuddy.asm.Advice;
import net.bytebuddy.implementation.bytecode.assign.Assigner;

/** A {@code @WithSpan} method with {@code @SpanAttribute} parameters, whose arguments become attributes. */
public final class WithSpanAttributesAdvice {

  private WithSpanAttributesAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
  public static Object enter(
      @Advice.Origin Class<?> type,
      @Advice.Origin("#t.#m#d") String method,
      @Advice.AllArguments Object[] arguments) {
    return MethodCall.start(type, method, arguments);
  }

  @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class, inline = false)
  public static void exit(
      @Advice.Enter Object call,
      @Advice.Return(typing = Assigner.Typing.DYNAMIC) Object returned,
      @Advice.Thrown Throwable thrown) {
    MethodCall.end(call, returned, thrown);
  }
}
