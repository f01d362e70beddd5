package dev.weft.instrumentation.executors;

import net.bytebuddy.asm.Advice;

/**
 * Constructors of {@code CompletableFuture}'s tasks for {@code supplyAsync} and {@code runAsync}: the context where
 * the stage is declared is attached, whatever executor runs it.
 */
public final class AsyncTaskCreatedAdvice {

  private AsyncTaskCreatedAdvice() {}

  @Advice.OnMethodExit(suppress = Throwable.class, inline = false)
  public static void exit(@Advice.This Object task) {
    PropagatedContexts.attach(task);
  }
}
