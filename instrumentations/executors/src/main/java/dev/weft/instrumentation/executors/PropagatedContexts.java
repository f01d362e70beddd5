package dev.weft.instrumentation.executors;

import dev.weft.instrumentation.api.WeakIdentityState;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.FutureTask;

/**
 * What the advice does: capture the current context where a task is handed over, and make it current where the
 * task runs. A task handed over from the root context gets nothing, neither wrapper nor entry.
 *
 * <p>The context travels with the task in the cheapest place the task offers: a {@code FutureTask} carries it in
 * its own callable (see {@link FutureTaskCreatedAdvice}); a {@code ForkJoinTask} (CompletableFuture's async tasks
 * among them) and a new thread, which have no such place, get it attached by identity, taken off again when they
 * run; only a plain {@code Runnable} or {@code Callable} handed to an executor is wrapped.
 */
public final class PropagatedContexts {

  /** Contexts attached to tasks and threads not yet run; each is removed when its task starts running. */
  static final WeakIdentityState<Context> ATTACHED = new WeakIdentityState<>();

  /**
   * The scheduler of virtual threads resubmits a thread's continuation at every unpark, from whatever thread
   * unparks it: not a task of the application's, and the virtual thread has its own context anyway.
   */
  private static final String VIRTUAL_THREAD_INTERNALS = "java.lang.VirtualThread";

  private PropagatedContexts() {}

  /** The context to carry into a task handed over now, or null when there is nothing to carry. */
  static Context toPropagate() {
    Context current = Context.current();
    return current == Context.root() ? null : current;
  }

  /** A task to hand to an executor in place of {@code task}: the same task, or a wrapper carrying the context. */
  public static Runnable handOver(Runnable task) {
    if (task instanceof ForkJoinTask) { // CompletableFuture's async tasks, handed to any executor
      attach(task);
      return task;
    }
    if (task == null || task instanceof FutureTask || task instanceof ContextRunnable) {
      return task; // a FutureTask carries its context itself
    }
    Context context = toPropagate();
    if (context == null || task.getClass().getName().startsWith(VIRTUAL_THREAD_INTERNALS)) {
      return task;
    }
    return new ContextRunnable(context, task);
  }

  public static <T> Callable<T> handOver(Callable<T> task) {
    if (task == null || task instanceof ContextCallable) {
      return task;
    }
    Context context = toPropagate();
    return context == null ? task : new ContextCallable<>(context, task);
  }

  /** The callables of {@code invokeAll} and {@code invokeAny}, each carrying the context; or the same ones. */
  public static <T> Collection<? extends Callable<T>> handOverAll(
      Collection<? extends Callable<T>> tasks) {
    Context context = toPropagate();
    if (context == null || tasks == null) {
      return tasks;
    }
    List<Callable<T>> carrying = new ArrayList<>(tasks.size());
    for (Callable<T> task : tasks) {
      carrying.add(task == null ? null : new ContextCallable<>(context, task));
    }
    return carrying;
  }

  /**
   * Attaches the current context to a task or thread that will run elsewhere, unless one is attached already
   * (an async stage keeps the context it was declared in).
   */
  public static void attach(Object task) {
    Context context = toPropagate();
    if (context != null) {
      ATTACHED.putIfAbsent(task, context);
    }
  }

  /** The task starts running: its attached context, if any, is made current; what to close when it ends. */
  public static Object enter(Object task) {
    Context context = ATTACHED.remove(task);
    return context == null ? null : context.makeCurrent();
  }

  public static void exit(Object scope) {
    if (scope instanceof Scope) {
      ((Scope) scope).close();
    }
  }
}
