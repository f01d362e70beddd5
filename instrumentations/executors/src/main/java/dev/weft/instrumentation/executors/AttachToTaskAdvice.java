package dev.weft.instrumentation.executors;

import java.util.concurrent.ForkJoinTask;
import net.bytebuddy.asm.Advice;

/** {@code ForkJoinPool.execute/submit/invoke(ForkJoinTask)}: the context is attached to the task. */
public final class AttachToTaskAdvice {

  private AttachToTaskAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
  public static void enter(@Advice.Argument(0) ForkJoinTask<?> task) {
    if (task != null) {
      PropagatedContexts.attach(task);
    }
  }
}
