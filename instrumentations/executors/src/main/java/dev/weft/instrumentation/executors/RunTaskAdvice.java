package dev.weft.instrumentation.executors;

import net.bytebuddy.asm.Advice;

/**
 * Where a task or a new thread runs ({@code ForkJoinTask.doExec}, the {@code run()} of CompletableFuture's tasks,
 * {@code Thread.run}, a virtual thread's {@code run(Runnable)}): the context attached to it is current, and the
 * thread's own is back afterwards.
 */
public final class RunTaskAdvice {

  private RunTaskAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
  public static Object enter(@Advice.This Object taskOrThread) {
    return PropagatedContexts.enter(taskOrThread);
  }

  @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class, inline = false)
  public static void exit(@Advice.Enter Object scope) {
    PropagatedContexts.exit(scope);
  }
}
