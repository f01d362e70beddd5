package dev.weft.instrumentation.opentelemetryapi.application;

import net.bytebuddy.asm.Advice;
import net.bytebuddy.implementation.bytecode.assign.Assigner;

/** {@code GlobalOpenTelemetry.isSet()} (API 1.50+): true, the agent's SDK is the global instance. */
public final class GlobalIsSetAdvice {

  private GlobalIsSetAdvice() {}

  @Advice.OnMethodExit(suppress = Throwable.class, inline = false)
  @Advice.AssignReturned.ToReturned(typing = Assigner.Typing.DYNAMIC)
  public static Object exit() {
    return Boolean.TRUE;
  }
}
