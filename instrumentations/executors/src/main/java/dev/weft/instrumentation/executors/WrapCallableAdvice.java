package dev.weft.instrumentation.executors;

import java.util.concurrent.Callable;
import net.bytebuddy.asm.Advice;

/** {@code submit(Callable)}, {@code schedule(Callable, ...)}: the task carries the context. */
public final class WrapCallableAdvice {

  private WrapCallableAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
  @Advice.AssignReturned.ToArguments(@Advice.AssignReturned.ToArguments.ToArgument(0))
  public static Callable<?> enter(@Advice.Argument(0) Callable<?> task) {
    return PropagatedContexts.handOver(task);
  }
}
