package dev.weft.instrumentation.api.http;

import io.opentelemetry.context.Context;
import io.opentelemetry.context.ContextKey;

/**
 * Marks a context as being inside a Weft HTTP client span, so that a client built on another instrumented client
 * yields one client span per request, not two.
 */
public final class ClientSpans {

  private static final ContextKey<Boolean> IN_CLIENT_SPAN =
      ContextKey.named("weft-http-client-span");

  private ClientSpans() {}

  public static Context markedAsClientSpan(Context context) {
    return context.with(IN_CLIENT_SPAN, Boolean.TRUE);
  }

  public static boolean isInClientSpan(Context context) {
    return context.get(IN_CLIENT_SPAN) != null;
  }
}
