package dev.weft.instrumentation.executors;

import net.bytebuddy.asm.Advice;

/** {@code execute(Runnable)}, {@code submit(Runnable)}, {@code schedule(Runnable, ...)}: the task carries the context. */
public final class WrapRunnableAdvice {

  private WrapRunnableAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
  @Advice.AssignReturned.ToArguments(@Advice.AssignReturned.ToArguments.ToArgument(0))
  public static Runnable enter(@Advice.Argument(0) Runnable task) {
    return PropagatedContexts.handOver(task);
  }
}
