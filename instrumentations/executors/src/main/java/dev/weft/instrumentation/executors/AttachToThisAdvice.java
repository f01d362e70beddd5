package dev.weft.instrumentation.executors;

import net.bytebuddy.asm.Advice;

/**
 * {@code ForkJoinTask.fork()}, and {@code start()} of a new thread: the context is attached before the task or
 * thread can run.
 */
public final class AttachToThisAdvice {

  private AttachToThisAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
  public static void enter(@Advice.This Object taskOrThread) {
    PropagatedContexts.attach(taskOrThread);
  }
}
