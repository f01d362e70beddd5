package dev.weft.instrumentation.opentelemetryapi.application;

import net.bytebuddy.asm.Advice;
import net.bytebuddy.implementation.bytecode.assign.Assigner;

/**
 * {@code ContextStorage.get()}: the application's context storage is the agent's. The original body (and with it
 * the API's own storage, made on first use) is skipped.
 */
public final class ContextStorageAdvice {

  private ContextStorageAdvice() {}

  @Advice.OnMethodEnter(
      skipOn = Advice.OnNonDefaultValue.class,
      suppress = Throwable.class,
      inline = false)
  public static Object enter() {
    return BridgedContextStorage.INSTANCE;
  }

  /** Returns the bridged storage; {@code null} (when the enter advice did not run) leaves the original's result. */
  @Advice.OnMethodExit(suppress = Throwable.class, inline = false)
  @Advice.AssignReturned.ToReturned(typing = Assigner.Typing.DYNAMIC)
  public static Object exit(@Advice.Enter Object bridged) {
    return bridged;
  }
}
