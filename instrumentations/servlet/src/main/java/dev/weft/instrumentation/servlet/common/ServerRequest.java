package dev.weft.instrumentation.servlet.common;

import dev.weft.instrumentation.api.http.HttpServerRoute;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;

/**
 * The server span of one request, from the outermost filter or servlet until the response is done. Present in every
 * context derived from the server span's (as the {@link HttpServerRoute} a framework fills in), so that nested
 * filters and servlets add nothing.
 */
public final class ServerRequest extends HttpServerRoute {

  private static final AtomicIntegerFieldUpdater<ServerRequest> ENDED =
      AtomicIntegerFieldUpdater.newUpdater(ServerRequest.class, "ended");

  final Span span;

  /** The well-known method or {@code _OTHER}: the first word of the span name. */
  final String method;

  final Context context;
  private final Scope scope;
  private volatile int ended;

  ServerRequest(Span span, String method, Context parent) {
    this.span = span;
    this.method = method;
    this.context = storeIn(parent.with(span));
    this.scope = context.makeCurrent();
  }

  /** Leaves the request thread; the span may live on (async). */
  void closeScope() {
    scope.close();
  }

  /** True for exactly one caller: the one that ends the span. Async listeners can race with each other. */
  boolean claimEnd() {
    return ENDED.compareAndSet(this, 0, 1);
  }
}
