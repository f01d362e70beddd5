package dev.weft.instrumentation.okhttp;

import net.bytebuddy.asm.Advice;
import okhttp3.OkHttpClient;

/** Puts the tracing interceptor first on the builder a client is being made from. */
public final class ClientConstructorAdvice {

  private ClientConstructorAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
  public static void enter(@Advice.Argument(0) OkHttpClient.Builder builder) {
    TracingInterceptor.addTo(builder.interceptors());
  }
}
