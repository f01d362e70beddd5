package dev.weft.instrumentation.javahttpclient;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.implementation.bytecode.assign.Assigner;

/** {@code HttpClientImpl.send}: the span covers the call; the request sent carries its context. */
public final class SendAdvice {

  private SendAdvice() {}

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
  public static void exit(
      @Advice.Enter Object[] started,
      @Advice.Return HttpResponse<?> response,
      @Advice.Thrown Throwable thrown) {
    ClientCall.end(started, response, thrown);
  }
}
