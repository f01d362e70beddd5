package dev.weft.instrumentation.log4jcontextdata;

import net.bytebuddy.asm.Advice;
import net.bytebuddy.implementation.bytecode.assign.Assigner;
import org.apache.logging.log4j.core.ContextDataInjector;

/**
 * {@code ContextDataInjectorFactory.createInjector()}: Log4j's log event factories and async loggers each take
 * their injector from here once, so wrapping what it returns reaches every log event at no cost per event beyond
 * the wrapper's own work.
 */
public final class CreateInjectorAdvice {

  private CreateInjectorAdvice() {}

  @Advice.OnMethodExit(suppress = Throwable.class, inline = false)
  @Advice.AssignReturned.ToReturned(typing = Assigner.Typing.DYNAMIC)
  public static ContextDataInjector exit(@Advice.Return ContextDataInjector injector) {
    return TraceContextInjector.around(injector);
  }
}
