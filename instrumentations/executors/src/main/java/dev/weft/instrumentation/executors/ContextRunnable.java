package dev.weft.instrumentation.executors;

import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;

/** A task handed to an executor, run with the context of the thread that handed it over. */
final class ContextRunnable implements Runnable {

  private final Context context;
  private final Runnable task;

  ContextRunnable(Context context, Runnable task) {
    this.context = context;
    this.task = task;
  }

  @Override
  public void run() {
    try (Scope ignored = context.makeCurrent()) {
      task.run();
    }
  }

  /** The application's task, as executors and thread dumps show it. */
  @Override
  public String toString() {
    return task.toString();
  }
}
