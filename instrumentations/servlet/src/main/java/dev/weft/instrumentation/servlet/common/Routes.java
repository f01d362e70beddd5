package dev.weft.instrumentation.servlet.common;

/** {@code http.route} from a servlet mapping, with the context path in front, as the servlet conventions do. */
public final class Routes {

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
      case "DEFAULT":
        return withContext(contextPath, "/*");
      case "EXACT":
      case "PATH":
        return pattern == null ? null : withContext(contextPath, pattern);
      case "EXTENSION":
        return pattern == null ? null : withContext(contextPath, "/" + pattern);
      default:
        return null;
    }
  }

  /** The route for servlet 3.x, which has no mapping API: the servlet path, and {@code /*} when a path follows. */
  public static String fromServletPath(String contextPath, String servletPath, String pathInfo) {
    String path = servletPath == null ? "" : servletPath;
    String route = pathInfo == null ? path : path + "/*";
    return route.isEmpty() ? null : withContext(contextPath, route);
  }

  private static String withContext(String contextPath, String route) {
    return contextPath == null || contextPath.isEmpty() ? route : contextPath + route;
  }
}
