package dev.weft.instrumentation.api.http;

import io.opentelemetry.context.Context;
import io.opentelemetry.context.ContextKey;

/**
 * The {@code http.route} of the server request in progress, filled in by the framework that chose its handler.
 *
 * <p>The server instrumentation that starts a request's SERVER span (the servlet module) stores its request state,
 * a subclass of this, in the request's context; a framework module (Spring MVC, JAX-RS) that matches the request to
 * a handler calls {@link #update} with the handler's path template; the server instrumentation names the span by
 * that route when it ends, and falls back to its own (the servlet mapping's) when no framework set one. The first
 * route set wins: an error or forward dispatch of the same request (Spring Boot's {@code /error}) runs in the same
 * context and must not rename the operation the request was for.
 */
public abstract class HttpServerRoute {

  private static final ContextKey<HttpServerRoute> KEY = ContextKey.named("weft-http-server-route");

  private volatile String route;

  protected HttpServerRoute() {}

  /** The server request in progress in {@code context}, or {@code null} outside a traced server request. */
  public static HttpServerRoute fromContext(Context context) {
    return context.get(KEY);
  }

  /**
   * Records the route of the handler a framework chose for the request in {@code context}, unless a route was
   * recorded before; does nothing outside a traced server request.
   *
   * @param route the full route, with the servlet context path and servlet path in front of the framework's
   *     template, e.g. {@code /shop/owners/{ownerId}}
   */
  public static void update(Context context, String route) {
    HttpServerRoute request = context.get(KEY);
    if (request != null && request.route == null && route != null) {
      request.route = route;
    }
  }

  /** {@code context} with this request in it. */
  protected final Context storeIn(Context context) {
    return context.with(KEY, this);
  }

  /** The route a framework recorded, or {@code null}. */
  public final String frameworkRoute() {
    return route;
  }
}
