package dev.weft.instrumentation.httpurlconnection;

import java.net.HttpURLConnection;
import net.bytebuddy.asm.Advice;

/** {@code getInputStream}: the response is read here; the outermost call ends the span. */
public final class GetInputStreamAdvice {

  private GetInputStreamAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
  public static boolean enter(@Advice.This HttpURLConnection connection) {
    return ConnectionCalls.enterResponse(connection);
  }

  @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class, inline = false)
  public static void exit(
      @Advice.This HttpURLConnection connection,
      @Advice.Enter boolean outermost,
      @Advice.Thrown Throwable thrown) {
    ConnectionCalls.exitResponse(connection, outermost, thrown);
  }
}
