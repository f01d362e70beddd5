package dev.weft.instrumentation.executors;

import java.util.concurrent.Callable;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.implementation.bytecode.assign.Assigner;

/**
 * {@code FutureTask.runAndReset}, how a periodic schedule runs its task: the context captured when the task was
 * made is dropped before the first run, so a periodic task never runs in one request's context, again and again,
 * nor keeps it in memory.
 */
public final class PeriodicRunAdvice {

  private PeriodicRunAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
  @Advice.AssignReturned.ToFields(
      @Advice.AssignReturned.ToFields.ToField(value = "callable", typing = Assigner.Typing.DYNAMIC))
  public static Callable<?> enter(@Advice.FieldValue("callable") Callable<?> callable) {
    return callable instanceof ContextCallable ? ((ContextCallable<?>) callable).task() : callable;
  }
}
