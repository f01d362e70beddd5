package dev.weft.instrumentation.executors;

import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import java.util.concurrent.Callable;

/** A callable run with the context of the thread that handed it over; also what a {@code FutureTask} calls. */
final class ContextCallable<T> implements Callable<T> {

  private final Context context;
  private final Callable<T> task;

  ContextCallable(Context context, Callable<T> task) {
    this.context = context;
    this.task = task;
  }

  @Override
  public T call() throws Exception {
    try (Scope ignored = context.makeCurrent()) {
      return task.call();
    }
  }

  /** The task without the context: for a task that runs periodically, which carries no request's context. */
  Callable<T> task() {
    return task;
  }

  @Override
  public String toString() {
    return task.toString();
  }
}
