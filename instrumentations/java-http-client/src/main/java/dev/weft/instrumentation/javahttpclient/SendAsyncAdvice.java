package dev.weft.instrumentation.javahttpclient;

import java.net.http.HttpRequest;
import java.util.concurrent.CompletableFuture;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.implementation.bytecode.assign.Assigner;

/**
 * {@code HttpClientImpl.sendAsync}: the span ends when the response or failure arrives, and the caller gets a
 * future that completes with the caller's context current.
 */
public final class SendAsyncAdvice {

  private SendAsyncAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
  @Advice.AssignReturned.ToArguments(
      @Advice.AssignReturned.ToArguments.ToArgument(
          value = 0,
          index = 0,
          typing = Assigner.Typing.DYNAMIC))
  public static Object[] enter(@Advice.Argument(0) HttpRequest request) {
    return ClientCall.start(request);
  }

  @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class, inline = false)
  @Advice.AssignReturned.ToReturned(typing = Assigner.Typing.DYNAMIC)
  public static Object exit(
      @Advice.Enter Object[] started,
      @Advice.Return CompletableFuture<?> future,
      @Advice.Thrown Throwable thrown) {
    return ClientCall.endAsync(started, future, thrown);
  }
}
