package dev.weft.instrumentation.servlet.javax;

import javax.servlet.ServletRequest;
import javax.servlet.ServletResponse;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import net.bytebuddy.asm.Advice;

/** Woven into {@code Servlet.service} and {@code Filter.doFilter}: both take the request and response first. */
public final class JavaxServletAdvice {

  private JavaxServletAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
  public static Object enter(@Advice.Argument(0) ServletRequest request) {
    return request instanceof HttpServletRequest
        ? JavaxServletAccess.TRACING.enter((HttpServletRequest) request)
        : null;
  }

  @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class, inline = false)
  public static void exit(
      @Advice.Argument(0) ServletRequest request,
      @Advice.Argument(1) ServletResponse response,
      @Advice.Enter Object state,
      @Advice.Thrown Throwable thrown) {
    if (state != null && response instanceof HttpServletResponse) {
      JavaxServletAccess.TRACING.exit(
          state, (HttpServletRequest) request, (HttpServletResponse) response, thrown);
    }
  }
}
