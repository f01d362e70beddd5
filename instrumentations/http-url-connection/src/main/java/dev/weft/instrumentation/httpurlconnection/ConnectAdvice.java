package dev.weft.instrumentation.httpurlconnection;

import java.net.HttpURLConnection;
import net.bytebuddy.asm.Advice;

/** {@code connect} and {@code getOutputStream}: the span starts here if not yet, and ends if connecting fails. */
public final class ConnectAdvice {

  private ConnectAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
  public static void enter(@Advice.This HttpURLConnection connection) {
    ConnectionCalls.start(connection);
  }

  @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class, inline = false)
  public static void exit(
      @Advice.This HttpURLConnection connection, @Advice.Thrown Throwable thrown) {
    if (thrown != null) {
      ConnectionCalls.connectFailed(connection, thrown);
    }
  }
}
