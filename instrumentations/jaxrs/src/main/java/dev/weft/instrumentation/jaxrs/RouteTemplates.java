package dev.weft.instrumentation.jaxrs;

import java.util.List;

/**
 * Joins the paths a request matched on its way to a resource method into one {@code http.route}: the base path
 * (servlet context path and servlet path, where {@code @ApplicationPath} puts the application), then the
 * {@code @Path} templates from the root resource class down to the method, each as Jersey wrote it (with a
 * variable's regular expression, if it has one: {@code {id: [0-9]+}}).
 */
final class RouteTemplates {

  private RouteTemplates() {}

  /**
   * @param basePath the application's base path, e.g. {@code /shop/api/}
   * @param templatesFromRoot the matched templates, the root resource's first, e.g. {@code /orders}, {@code {id}}
   * @return e.g. {@code /shop/api/orders/{id}}; {@code /} when every part is empty
   */
  static String join(String basePath, List<String> templatesFromRoot) {
    StringBuilder route = new StringBuilder(basePath.length() + 32);
    appendPath(route, basePath);
    for (String template : templatesFromRoot) {
      appendPath(route, template);
    }
    return route.length() == 0 ? "/" : route.toString();
  }

  /** Appends {@code path} with one slash in front and none behind; an empty path or a lone slash adds nothing. */
  private static void appendPath(StringBuilder route, String path) {
    int start = 0;
    int end = path.length();
    while (start < end && path.charAt(start) == '/') {
      start++;
    }
    while (end > start && path.charAt(end - 1) == '/') {
      end--;
    }
    if (start < end) {
      route.append('/').append(path, start, end);
    }
  }
}
