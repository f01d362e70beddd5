package dev.weft.instrumentation.servlet.javax;

import dev.weft.instrumentation.api.NewerLibraryOnly;
import dev.weft.instrumentation.servlet.common.Routes;
import javax.servlet.http.HttpServletMapping;
import javax.servlet.http.HttpServletRequest;

/** The route from the servlet 4.0 mapping API; a class of its own so that servlet 3.x never resolves it. */
@NewerLibraryOnly("servlet 4.0")
final class JavaxMappingRoute {

  private JavaxMappingRoute() {}

  static String of(HttpServletRequest request) {
    HttpServletMapping mapping = request.getHttpServletMapping();
    if (mapping == null || mapping.getMappingMatch() == null) {
      return null;
    }
    return Routes.fromMapping(
        request.getContextPath(), mapping.getMappingMatch().name(), mapping.getPattern());
  }
}
