package dev.weft.instrumentation.annotations;

import net.bytebuddy.asm.Advice;
import net.bytebuddy.implementation.bytecode.assign.Assigner;

/** A {@code @WithSpan} method without {@code @SpanAttribute} parameters: no argument is looked at. */
public final class WithSpanAdvice {

  private WithSpanAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
  public static Object enter(
      @Advice.Origin Class<?> type, @Advice.Origin("#t.#m#d") String method) {
    return MethodCall.start(type, method, null);
  }

  @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class, inline = false)
  public static void exit(
      @Advice.Enter Object call,
      @Advice.Return(typing = Assigner.Typing.DYNAMIC) Object returned,
      @Advice.Thrown Throwable thrown) {
    MethodCall.end(call, returned, thrown);
  }
}
