package dev.weft.instrumentation.api.http;

/**
 * Values of the HTTP semantic conventions (v1.37, stable HTTP) that server and client modules derive alike.
 * Every method here runs on the request path: no regex, and no allocation for the common values.
 */
public final class HttpConventions {

  /** What {@code http.request.method} holds for a method outside the well-known set. */
  public static final String OTHER_METHOD = "_OTHER";

  private HttpConventions() {}

  /** The method for {@code http.request.method}: one of the well-known methods, or {@link #OTHER_METHOD}. */
  public static String requestMethod(String method) {
    if (method == null) {
      return OTHER_METHOD;
    }
    switch (method) {
      case "GET":
      case "POST":
      case "PUT":
      case "DELETE":
      case "HEAD":
      case "OPTIONS":
      case "PATCH":
      case "TRACE":
      case "CONNECT":
      case "QUERY":
        return method;
      default:
        return OTHER_METHOD;
    }
  }

  /** The span name for a request without a known route: the method, or {@code HTTP} for an unknown method. */
  public static String spanName(String requestMethod) {
    return OTHER_METHOD.equals(requestMethod) ? "HTTP" : requestMethod;
  }

  /** {@code network.protocol.version} from a protocol string such as {@code HTTP/1.1} or {@code HTTP/2.0}. */
  public static String protocolVersion(String protocol) {
    if (protocol == null) {
      return null;
    }
    switch (protocol) {
      case "HTTP/1.1":
        return "1.1";
      case "HTTP/1.0":
        return "1.0";
      case "HTTP/2.0":
      case "HTTP/2":
        return "2";
      case "HTTP/3":
      case "HTTP/3.0":
        return "3";
      default:
        int slash = protocol.indexOf('/');
        return slash < 0 ? null : protocol.substring(slash + 1);
    }
  }
}
