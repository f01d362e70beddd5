package dev.weft.instrumentation.servlet.javax;

import dev.weft.instrumentation.servlet.common.ServerRequest;
import javax.servlet.AsyncEvent;
import javax.servlet.AsyncListener;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/** Ends an async request's span when its async context completes, fails or times out. */
final class JavaxAsyncListener implements AsyncListener {

  private final ServerRequest serverRequest;

  JavaxAsyncListener(ServerRequest serverRequest) {
    this.serverRequest = serverRequest;
  }

  @Override
  public void onComplete(AsyncEvent event) {
    JavaxServletAccess.TRACING.asyncEnded(serverRequest, request(event), response(event), null);
  }

  @Override
  public void onError(AsyncEvent event) {
    JavaxServletAccess.TRACING.asyncEnded(
        serverRequest, request(event), response(event), event.getThrowable());
  }

  @Override
  public void onTimeout(AsyncEvent event) {
    JavaxServletAccess.TRACING.asyncTimedOut(serverRequest, request(event), response(event));
  }

  /** A new {@code startAsync} drops the listeners of the old async context: follow the new one. */
  @Override
  public void onStartAsync(AsyncEvent event) {
    event
        .getAsyncContext()
        .addListener(this, event.getSuppliedRequest(), event.getSuppliedResponse());
  }

  private static HttpServletRequest request(AsyncEvent event) {
    return (HttpServletRequest) event.getSuppliedRequest();
  }

  private static HttpServletResponse response(AsyncEvent event) {
    return (HttpServletResponse) event.getSuppliedResponse();
  }
}
