package dev.weft.instrumentation.opentelemetryapi.application;

import net.bytebuddy.asm.Advice;
import net.bytebuddy.implementation.bytecode.assign.Assigner;

/**
 * {@code GlobalOpenTelemetry.get()} and {@code getOrNoop()}: the bridge to the agent's SDK. The original body, which
 * may try to configure an SDK of the application's, is skipped. The other static methods
 * ({@code getTracer}, {@code getPropagators}, ...) go through {@code get()}.
 */
public final class GlobalGetAdvice {

  private GlobalGetAdvice() {}

  @Advice.OnMethodEnter(
      skipOn = Advice.OnNonDefaultValue.class,
      suppress = Throwable.class,
      inline = false)
  public static Object enter() {
    return ApplicationOpenTelemetry.INSTANCE;
  }

  /** Returns the bridge; {@code null} (when the enter advice did not run) leaves the original's result. */
  @Advice.OnMethodExit(suppress = Throwable.class, inline = false)
  @Advice.AssignReturned.ToReturned(typing = Assigner.Typing.DYNAMIC)
  public static Object exit(@Advice.Enter Object bridge) {
    return bridge;
  }
}
