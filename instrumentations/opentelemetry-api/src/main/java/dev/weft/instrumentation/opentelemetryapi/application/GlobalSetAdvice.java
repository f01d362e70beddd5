package dev.weft.instrumentation.opentelemetryapi.application;

import dev.weft.instrumentation.opentelemetryapi.IgnoredGlobalSet;
import net.bytebuddy.asm.Advice;

/**
 * {@code GlobalOpenTelemetry.set(...)}: skipped, with one warning. The agent's SDK stays the global instance, so that
 * the application's spans join the agent's traces; without this the application's SDK (or a no-op) would take over
 * only where the application asks, splitting its traces.
 */
public final class GlobalSetAdvice {

  private GlobalSetAdvice() {}

  @Advice.OnMethodEnter(
      skipOn = Advice.OnNonDefaultValue.class,
      suppress = Throwable.class,
      inline = false)
  public static boolean enter() {
    IgnoredGlobalSet.report();
    return true;
  }
}
