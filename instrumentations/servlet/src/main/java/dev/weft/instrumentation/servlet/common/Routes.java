package dev.weft.instrumentation.servlet.common;

/**
 * {@code http.route} from a servlet mapping, with the context path in front, as the servlet conventions do.
 *
 * <p>A mapping that catches every path of the context, the default servlet ({@code /}) or {@code /*}, identifies no
 * handler: it serves static files or hands every request to a framework (Spring's {@code DispatcherServlet}, Jersey's
 * {@code ServletContainer}), which names the route itself when it knows it. Such a mapping gives no route, so that
 * the span is named by the method alone rather than by a route every request shares.
 */
public final class Routes {

  private static final String WHOLE_CONTEXT = "/*";

  private Routes() {}

  /**
   * The route from a servlet 4+ mapping.
   *
   * @param match the name of the {@code MappingMatch} constant, or {@code null}
   */
  public static String fromMapping(String contextPath, String match, String pattern) {
    if (match == null) {
      return null;
    }
    switch (match) {
      case "CONTEXT_ROOT":
        return withContext(contextPath, "/");
      case "EXACT":
        return pattern == null ? null : withContext(contextPath, pattern);
      case "PATH":
        return pattern == null || pattern.equals(WHOLE_CONTEXT)
            ? null
            : withContext(contextPath, pattern);
      case "EXTENSION":
        return pattern == null ? null : withContext(contextPath, "/" + pattern);
      default: // DEFAULT, and constants of later servlet versions
        return null;
    }
  }

  /** The route for servlet 3.x, which has no mapping API: the servlet path, and {@code /*} when a path follows. */
  public static String fromServletPath(String contextPath, String servletPath, String pathInfo) {
    String path = servletPath == null ? "" : servletPath;
    if (path.isEmpty()) {
      return null; // mapped at /*
    }
    return withContext(contextPath, pathInfo == null ? path : path + WHOLE_CONTEXT);
  }

  private static String withContext(String contextPath, String route) {
    return contextPath == null || contextPath.isEmpty() ? route : contextPath + route;
  }
}
