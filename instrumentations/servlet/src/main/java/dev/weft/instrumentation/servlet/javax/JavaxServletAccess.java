package dev.weft.instrumentation.servlet.javax;

import dev.weft.instrumentation.servlet.common.Routes;
import dev.weft.instrumentation.servlet.common.ServerRequest;
import dev.weft.instrumentation.servlet.common.ServletAccess;
import dev.weft.instrumentation.servlet.common.ServletServerTracing;
import java.util.Enumeration;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/**
 * {@link ServletAccess} over the javax API (the build derives the jakarta one from this file). Servlet 3.x has no
 * mapping API, so there the route comes from the servlet path.
 */
final class JavaxServletAccess implements ServletAccess<HttpServletRequest, HttpServletResponse> {

  static final ServletServerTracing<HttpServletRequest, HttpServletResponse> TRACING =
      new ServletServerTracing<>(new JavaxServletAccess());

  /** Decided once per class loader: the mapping API came with servlet 4.0. */
  private static final boolean HAS_MAPPING = hasMappingApi();

  private static boolean hasMappingApi() {
    try {
      HttpServletRequest.class.getMethod("getHttpServletMapping");
      return true;
    } catch (NoSuchMethodException e) {
      return false;
    }
  }

  @Override
  public String method(HttpServletRequest request) {
    return request.getMethod();
  }

  @Override
  public String scheme(HttpServletRequest request) {
    return request.getScheme();
  }

  @Override
  public String requestUri(HttpServletRequest request) {
    return request.getRequestURI();
  }

  @Override
  public String queryString(HttpServletRequest request) {
    return request.getQueryString();
  }

  @Override
  public String serverName(HttpServletRequest request) {
    return request.getServerName();
  }

  @Override
  public int serverPort(HttpServletRequest request) {
    return request.getServerPort();
  }

  @Override
  public String remoteAddress(HttpServletRequest request) {
    return request.getRemoteAddr();
  }

  @Override
  public int remotePort(HttpServletRequest request) {
    return request.getRemotePort();
  }

  @Override
  public String protocol(HttpServletRequest request) {
    return request.getProtocol();
  }

  @Override
  public String header(HttpServletRequest request, String name) {
    return request.getHeader(name);
  }

  @Override
  public Enumeration<String> headers(HttpServletRequest request, String name) {
    return request.getHeaders(name);
  }

  @Override
  public Enumeration<String> headerNames(HttpServletRequest request) {
    return request.getHeaderNames();
  }

  @Override
  public Object attribute(HttpServletRequest request, String name) {
    return request.getAttribute(name);
  }

  @Override
  public void setAttribute(HttpServletRequest request, String name, Object value) {
    request.setAttribute(name, value);
  }

  @Override
  public String route(HttpServletRequest request) {
    return HAS_MAPPING
        ? JavaxMappingRoute.of(request)
        : Routes.fromServletPath(
            request.getContextPath(), request.getServletPath(), request.getPathInfo());
  }

  @Override
  public boolean isAsyncStarted(HttpServletRequest request) {
    return request.isAsyncStarted();
  }

  @Override
  public void endOnAsyncCompletion(
      HttpServletRequest request, HttpServletResponse response, ServerRequest serverRequest) {
    request.getAsyncContext().addListener(new JavaxAsyncListener(serverRequest), request, response);
  }

  @Override
  public int status(HttpServletResponse response) {
    return response.getStatus();
  }

  @Override
  public boolean isCommitted(HttpServletResponse response) {
    return response.isCommitted();
  }
}
