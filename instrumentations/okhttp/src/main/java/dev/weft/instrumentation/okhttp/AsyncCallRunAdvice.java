package dev.weft.instrumentation.okhttp;

import io.opentelemetry.context.Scope;
import net.bytebuddy.asm.Advice;

/** An async call runs on a dispatcher thread: with the caller's context current, for the span and the callback. */
public final class AsyncCallRunAdvice {

  private AsyncCallRunAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
  public static Object enter(@Advice.This Object asyncCall) {
    return CallerContexts.resume(asyncCall);
  }

  @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class, inline = false)
  public static void exit(@Advice.Enter Object scope) {
    if (scope instanceof Scope) {
      ((Scope) scope).close();
    }
  }
}
