package dev.weft.instrumentation.executors;

import java.util.Collection;
import java.util.concurrent.Callable;
import net.bytebuddy.asm.Advice;

/** {@code ForkJoinPool.invokeAll} and {@code invokeAny}: each callable carries the context. */
public final class WrapCallablesAdvice {

  private WrapCallablesAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
  @Advice.AssignReturned.ToArguments(@Advice.AssignReturned.ToArguments.ToArgument(0))
  public static Collection<? extends Callable<Object>> enter(
      @Advice.Argument(0) Collection<? extends Callable<Object>> tasks) {
    return PropagatedContexts.handOverAll(tasks);
  }
}
