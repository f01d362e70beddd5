package dev.weft.instrumentation.executors;

import io.opentelemetry.context.Context;
import net.bytebuddy.asm.Advice;

/**
 * {@code ThreadPoolExecutor.addWorker}, which starts a pool thread from whichever thread hands over a task: it runs
 * in the root context, so the pool thread is not started as a new thread that would keep the request's context
 * for its whole life. (The task that caused it already carries its own.)
 */
public final class PoolInternalsAdvice {

  private PoolInternalsAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
  public static Object enter() {
    return Context.current() == Context.root() ? null : Context.root().makeCurrent();
  }

  @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class, inline = false)
  public static void exit(@Advice.Enter Object scope) {
    PropagatedContexts.exit(scope);
  }
}
