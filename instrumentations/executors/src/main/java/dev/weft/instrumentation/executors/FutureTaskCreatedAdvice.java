package dev.weft.instrumentation.executors;

import java.util.concurrent.Callable;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.implementation.bytecode.assign.Assigner;

/**
 * The constructors of {@code FutureTask} (and so of every {@code submit}, {@code invokeAll}, {@code invokeAny} and
 * {@code schedule} of the JDK's executors): the task's own callable is replaced by one that carries the current
 * context. The task itself stays the object the executor queues and the application holds, so
 * {@code ThreadPoolExecutor.remove}, {@code shutdownNow} and {@code cancel} see the very same task.
 */
public final class FutureTaskCreatedAdvice {

  private FutureTaskCreatedAdvice() {}

  @Advice.OnMethodExit(suppress = Throwable.class, inline = false)
  @Advice.AssignReturned.ToFields(
      @Advice.AssignReturned.ToFields.ToField(value = "callable", typing = Assigner.Typing.DYNAMIC))
  public static Callable<?> exit(@Advice.FieldValue("callable") Callable<?> callable) {
    return PropagatedContexts.handOver(callable);
  }
}
