package dev.weft.instrumentation.javahttpclient;

import dev.weft.instrumentation.api.http.HttpClientSpans;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapSetter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * One client call: its span, the scope that makes it current while the call is made, and the caller's context.
 * What {@link #start} returns is the advice's enter value: the request to send, then this call (or {@code null}).
 */
final class ClientCall {

  private static final HttpClientSpans SPANS = new HttpClientSpans("dev.weft.java-http-client");
  private static final TextMapSetter<HttpRequest.Builder> HEADERS =
      (request, name, value) -> request.setHeader(name, value);

  private final Span span;
  private final Context caller;
  private final Scope scope;

  private ClientCall(Span span, Context caller, Context call) {
    this.span = span;
    this.caller = caller;
    this.scope = call.makeCurrent();
  }

  static Object[] start(HttpRequest request) {
    Context caller = Context.current();
    URI uri = request.uri();
    Span span =
        SPANS.start(
            caller,
            request.method(),
            uri.toString(),
            uri.getRawUserInfo(),
            uri.getHost(),
            port(uri));
    if (span == null) {
      return new Object[] {request, null};
    }
    Context call = SPANS.contextOf(caller, span);
    HttpRequest.Builder traced = copyOf(request);
    SPANS.inject(call, traced, HEADERS);
    return new Object[] {traced.build(), new ClientCall(span, caller, call)};
  }

  static void end(Object[] started, HttpResponse<?> response, Throwable thrown) {
    ClientCall call = of(started);
    if (call != null) {
      call.scope.close();
      call.finish(response, thrown);
    }
  }

  /** The future handed to the caller: completed after the span ends, with the caller's context current. */
  static Object endAsync(Object[] started, CompletableFuture<?> future, Throwable thrown) {
    ClientCall call = of(started);
    if (call == null) {
      return future;
    }
    call.scope.close();
    if (thrown != null || future == null) {
      call.finish(null, thrown);
      return future;
    }
    CompletableFuture<Object> inCallerContext = new CompletableFuture<>();
    future.whenComplete(
        (response, failure) -> {
          call.finish(
              response instanceof HttpResponse ? (HttpResponse<?>) response : null, failure);
          try (Scope ignored = call.caller.makeCurrent()) {
            if (failure != null) {
              inCallerContext.completeExceptionally(failure);
            } else {
              inCallerContext.complete(response);
            }
          }
        });
    return inCallerContext;
  }

  private static ClientCall of(Object[] started) {
    return started != null && started.length > 1 && started[1] instanceof ClientCall
        ? (ClientCall) started[1]
        : null;
  }

  private void finish(HttpResponse<?> response, Throwable thrown) {
    if (response == null) {
      // async failures arrive wrapped in a CompletionException; the cause is what failed
      Throwable cause =
          thrown instanceof CompletionException && thrown.getCause() != null
              ? thrown.getCause()
              : thrown;
      HttpClientSpans.end(span, -1, null, cause);
    } else {
      HttpClientSpans.end(
          span,
          response.statusCode(),
          response.version() == HttpClient.Version.HTTP_2 ? "2" : "1.1",
          thrown);
    }
  }

  /** A builder for the same request; works on Java 11, which lacks {@code HttpRequest.newBuilder(request, filter)}. */
  private static HttpRequest.Builder copyOf(HttpRequest request) {
    HttpRequest.Builder copy =
        HttpRequest.newBuilder(request.uri())
            .expectContinue(request.expectContinue())
            .method(
                request.method(),
                request.bodyPublisher().orElse(HttpRequest.BodyPublishers.noBody()));
    request.timeout().ifPresent(copy::timeout);
    request.version().ifPresent(copy::version);
    request
        .headers()
        .map()
        .forEach((name, values) -> values.forEach(value -> copy.header(name, value)));
    return copy;
  }

  private static int port(URI uri) {
    if (uri.getPort() != -1) {
      return uri.getPort();
    }
    return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
  }
}
