package dev.weft.instrumentation.executors;

import net.bytebuddy.asm.Advice;

/**
 * {@code start()} of a {@code java.lang.Thread} or a virtual thread: the starting thread's context is attached, and
 * made current while the new thread runs its task.
 *
 * <p>Subclasses of {@code Thread} get nothing: they override {@code run()}, where the context could not be closed
 * again, and are mostly long-lived threads of libraries (pool workers, network loops) started on the first request
 * that needs them, which must not keep that request's context for their whole life.
 */
public final class ThreadStartAdvice {

  private static final String VIRTUAL_THREAD = "java.lang.VirtualThread";

  private ThreadStartAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
  public static void enter(@Advice.This Thread thread) {
    Class<?> type = thread.getClass();
    if (type == Thread.class || type.getName().equals(VIRTUAL_THREAD)) {
      PropagatedContexts.attach(thread);
    }
  }
}
