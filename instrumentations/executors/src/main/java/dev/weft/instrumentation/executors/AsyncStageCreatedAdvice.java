package dev.weft.instrumentation.executors;

import java.util.concurrent.Executor;
import net.bytebuddy.asm.Advice;

/**
 * The constructor of {@code CompletableFuture}'s dependent stages ({@code thenApplyAsync} and every other
 * {@code *Async} stage): an async stage gets the context where it is declared, not the one of whichever thread
 * completes the stage it depends on. Stages without an executor run where they are fired and get nothing.
 */
public final class AsyncStageCreatedAdvice {

  private AsyncStageCreatedAdvice() {}

  @Advice.OnMethodExit(suppress = Throwable.class, inline = false)
  public static void exit(@Advice.This Object stage, @Advice.Argument(0) Executor executor) {
    if (executor != null) {
      PropagatedContexts.attach(stage);
    }
  }
}
