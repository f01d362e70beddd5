package dev.weft.instrumentation.servlet.jakarta;

import dev.weft.instrumentation.servlet.common.ServerRequest;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** Ends an async request's span when its async context completes, fails or times out. */
final class JakartaAsyncListener implements AsyncListener {

  private final ServerRequest serverRequest;

  JakartaAsyncListener(ServerRequest serverRequest) {
    this.serverRequest = serverRequest;
  }

  @Override
  public void onComplete(AsyncEvent event) {
    JakartaServletAccess.TRACING.asyncEnded(serverRequest, request(event), response(event), null);
  }

  @Override
  public void onError(AsyncEvent event) {
    JakartaServletAccess.TRACING.asyncEnded(serverRequest, request(event), response(event), event.getThrowable());
  }

  @Override
  public void onTimeout(AsyncEvent event) {
    JakartaServletAccess.TRACING.asyncTimedOut(serverRequest, request(event), response(event));
  }

  /** A new {@code startAsync} drops the listeners of the old async context: follow the new one. */
  @Override
  public void onStartAsync(AsyncEvent event) {
    event.getAsyncContext().addListener(this, event.getSuppliedRequest(), event.getSuppliedResponse());
  }

  private static HttpServletRequest request(AsyncEvent event) {
    return (HttpServletRequest) event.getSuppliedRequest();
  }

  private static HttpServletResponse response(AsyncEvent event) {
    return (HttpServletResponse) event.getSuppliedResponse();
  }
}
