package dev.weft.instrumentation.servlet.common;

import java.util.Enumeration;

/**
 * What the shared servlet logic reads from a request and response, implemented once per servlet namespace.
 *
 * @param <REQ> the namespace's {@code HttpServletRequest}
 * @param <RES> the namespace's {@code HttpServletResponse}
 */
public interface ServletAccess<REQ, RES> {

  String method(REQ request);

  String scheme(REQ request);

  String requestUri(REQ request);

  String queryString(REQ request);

  String serverName(REQ request);

  int serverPort(REQ request);

  String remoteAddress(REQ request);

  int remotePort(REQ request);

  String protocol(REQ request);

  String header(REQ request, String name);

  Enumeration<String> headers(REQ request, String name);

  Enumeration<String> headerNames(REQ request);

  Object attribute(REQ request, String name);

  void setAttribute(REQ request, String name, Object value);

  /** The route of the servlet mapping that served the request, including the context path; {@code null} if unknown. */
  String route(REQ request);

  boolean isAsyncStarted(REQ request);

  /** Ends {@code serverRequest} when the request's async context completes, fails or times out. */
  void endOnAsyncCompletion(REQ request, RES response, ServerRequest serverRequest);

  int status(RES response);

  boolean isCommitted(RES response);
}
