package dev.weft.instrumentation.springwebmvc.javax;

import dev.weft.instrumentation.api.http.HttpServerRoute;
import dev.weft.instrumentation.springwebmvc.SpringRoutes;
import io.opentelemetry.context.Context;
import javax.servlet.DispatcherType;
import javax.servlet.RequestDispatcher;
import javax.servlet.http.HttpServletRequest;
import net.bytebuddy.asm.Advice;

/**
 * Woven into {@code HandlerExecutionChain.applyPreHandle} for javax.servlet (the build derives the jakarta advice
 * from this file). The handler's mapping has matched by then, and its interceptors (among them the one by which a
 * URL mapping such as a resource handler exposes its pattern) have run, so the matched pattern is in the request.
 */
public final class JavaxRouteAdvice {

  private JavaxRouteAdvice() {}

  @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class, inline = false)
  public static void exit(@Advice.Argument(0) HttpServletRequest request) {
    Context context = Context.current();
    HttpServerRoute serverRoute = HttpServerRoute.fromContext(context);
    if (serverRoute == null
        || serverRoute.frameworkRoute() != null
        || !namesTheOperation(request)) {
      return;
    }
    Object pattern = request.getAttribute(SpringRoutes.BEST_MATCHING_PATTERN);
    if (pattern != null) {
      HttpServerRoute.update(
          context,
          SpringRoutes.route(
              request.getContextPath(),
              request.getServletPath(),
              request.getPathInfo(),
              pattern.toString()));
    }
  }

  /**
   * An error page (Spring Boot's {@code /error}, by the container's ERROR dispatch or, in a war, a forward from
   * Spring Boot's {@code ErrorPageFilter}) renders another request's failure, and an include renders a part of
   * another request: neither handler is the operation the request was for.
   */
  private static boolean namesTheOperation(HttpServletRequest request) {
    DispatcherType type = request.getDispatcherType();
    return type != DispatcherType.ERROR
        && type != DispatcherType.INCLUDE
        && request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) == null;
  }
}
