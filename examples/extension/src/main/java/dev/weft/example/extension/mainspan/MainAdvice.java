package dev.weft.example.extension.mainspan;

import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import net.bytebuddy.asm.Advice;

/** The span of {@code main}: started on entry, current while it runs, ended (with its error, if any) on exit. */
public final class MainAdvice {

  private static final Tracer TRACER = GlobalOpenTelemetry.getTracer("dev.weft.example.extension");

  private MainAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
  public static Object[] enter(@Advice.Origin("#t") String className) {
    Span span =
        TRACER
            .spanBuilder(className.substring(className.lastIndexOf('.') + 1) + ".main")
            .setSpanKind(SpanKind.INTERNAL)
            .startSpan();
    return new Object[] {span, span.makeCurrent()};
  }

  @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class, inline = false)
  public static void exit(@Advice.Enter Object[] state, @Advice.Thrown Throwable thrown) {
    if (state == null) {
      return;
    }
    ((Scope) state[1]).close();
    Span span = (Span) state[0];
    if (thrown != null) {
      span.recordException(thrown);
      span.setStatus(StatusCode.ERROR);
    }
    span.end();
  }
}
