package dev.weft.instrumentation.springwebmvc;

/**
 * The full {@code http.route} from the pattern Spring matched: the servlet context path, the
 * {@code DispatcherServlet}'s own path when it is mapped at a prefix ({@code /api/*}), then the pattern, as the
 * servlet module writes the routes of servlet mappings.
 */
public final class SpringRoutes {

  /** {@code HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE}: a String, or a {@code PathPattern} in Spring 6+. */
  public static final String BEST_MATCHING_PATTERN =
      "org.springframework.web.servlet.HandlerMapping.bestMatchingPattern";

  private SpringRoutes() {}

  /**
   * @param contextPath the request's context path, {@code ""} for the root context
   * @param servletPath the request's servlet path
   * @param pathInfo the request's path info: not {@code null} only when the servlet is mapped at a prefix, whose
   *     path Spring leaves out of the path it matches (for the default servlet, {@code /}, the servlet path is the
   *     whole path and the path info {@code null})
   * @param pattern the pattern Spring matched, relative to the servlet's mapping
   */
  public static String route(
      String contextPath, String servletPath, String pathInfo, String pattern) {
    String prefix =
        pathInfo == null || servletPath == null ? contextPath : join(contextPath, servletPath);
    if (pattern.isEmpty()) {
      pattern = "/";
    } else if (pattern.charAt(0) != '/') {
      pattern = "/" + pattern;
    }
    return join(prefix, pattern);
  }

  private static String join(String prefix, String path) {
    return prefix == null || prefix.isEmpty() ? path : prefix + path;
  }
}
