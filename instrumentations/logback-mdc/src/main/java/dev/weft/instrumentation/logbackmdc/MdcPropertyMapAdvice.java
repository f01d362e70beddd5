package dev.weft.instrumentation.logbackmdc;

import java.util.Map;
import net.bytebuddy.asm.Advice;

/**
 * {@code LoggingEvent.getMDCPropertyMap()}: the event's MDC, with the current span's ids when a span is current,
 * kept in the event's {@code mdcPropertyMap} field so that later calls (other appenders, an async appender's
 * worker thread) see the ids taken on the logging thread.
 */
public final class MdcPropertyMapAdvice {

  private MdcPropertyMapAdvice() {}

  @Advice.OnMethodExit(suppress = Throwable.class, inline = false)
  @Advice.AssignReturned.ToReturned
  @Advice.AssignReturned.ToFields(@Advice.AssignReturned.ToFields.ToField("mdcPropertyMap"))
  public static Map<String, String> exit(@Advice.Return Map<String, String> mdc) {
    return TraceContextMap.withCurrentSpan(mdc);
  }
}
