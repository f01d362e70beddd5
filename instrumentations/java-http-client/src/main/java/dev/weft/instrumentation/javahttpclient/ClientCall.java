package dev.weft.instrumentation.javahttpclient;

import dev.weft.instrumentation.api.SpanErrors;
import dev.weft.instrumentation.api.http.ClientSpans;
import dev.weft.instrumentation.api.http.HttpConventions;
import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.opentelemetry.context.propagation.TextMapSetter;
import io.opentelemetry.semconv.HttpAttributes;
import io.opentelemetry.semconv.NetworkAttributes;
import io.opentelemetry.semconv.ServerAttributes;
import io.opentelemetry.semconv.UrlAttributes;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;

/**
 * One client call: its span, the scope that makes it current while the call is made, and the caller's context.
 * What {@link #start} returns is the advice's enter value: the request to send, then this call (or {@code null}).
 */
final class ClientCall {

  private static final Tracer TRACER = GlobalOpenTelemetry.getTracer("dev.weft.java-http-client");
  private static final TextMapPropagator PROPAGATOR = GlobalOpenTelemetry.getPropagators().getTextMapPropagator();
  private static final TextMapSetter<HttpRequest.Builder> HEADERS = (request, name, value) ->
      request.setHeader(name, value);

  private final Span span;
  private final Context caller;
  private final Scope scope;

  private ClientCall(Span span, Context caller, Context context) {
    this.span = span;
    this.caller = caller;
    this.scope = context.makeCurrent();
  }

  static Object[] start(HttpRequest request) {
    Context caller = Context.current();
    if (ClientSpans.isInClientSpan(caller)) {
      return new Object[] {request, null};
    }
    String method = HttpConventions.requestMethod(request.method());
    URI uri = request.uri();
    Span span = TRACER.spanBuilder(HttpConventions.spanName(method))
        .setSpanKind(SpanKind.CLIENT)
        .setParent(caller)
        .setAttribute(HttpAttributes.HTTP_REQUEST_METHOD, method)
        .setAttribute(UrlAttributes.URL_FULL, withoutCredentials(uri))
        .setAttribute(ServerAttributes.SERVER_ADDRESS, uri.getHost())
        .setAttribute(ServerAttributes.SERVER_PORT, (long) port(uri))
        .startSpan();
    if (method == HttpConventions.OTHER_METHOD) {
      span.setAttribute(HttpAttributes.HTTP_REQUEST_METHOD_ORIGINAL, request.method());
    }
    Context context = ClientSpans.markedAsClientSpan(caller.with(span));
    HttpRequest.Builder traced = copyOf(request);
    PROPAGATOR.inject(context, traced, HEADERS);
    return new Object[] {traced.build(), new ClientCall(span, caller, context)};
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
    future.whenComplete((response, failure) -> {
      call.finish(response instanceof HttpResponse ? (HttpResponse<?>) response : null, failure);
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
    return started != null && started.length > 1 && started[1] instanceof ClientCall ? (ClientCall) started[1] : null;
  }

  private void finish(HttpResponse<?> response, Throwable thrown) {
    if (response != null) {
      int status = response.statusCode();
      span.setAttribute(HttpAttributes.HTTP_RESPONSE_STATUS_CODE, (long) status);
      span.setAttribute(NetworkAttributes.NETWORK_PROTOCOL_VERSION,
          response.version() == HttpClient.Version.HTTP_2 ? "2" : "1.1");
      if (status >= 400) {
        SpanErrors.recordError(span, Integer.toString(status));
      }
    }
    if (thrown != null) {
      SpanErrors.recordException(span, unwrapped(thrown));
    }
    span.end();
  }

  /** Async failures arrive wrapped in a CompletionException; the cause is what failed. */
  private static Throwable unwrapped(Throwable thrown) {
    return thrown instanceof java.util.concurrent.CompletionException && thrown.getCause() != null
        ? thrown.getCause()
        : thrown;
  }

  /** A builder for the same request; works on Java 11, which lacks {@code HttpRequest.newBuilder(request, filter)}. */
  private static HttpRequest.Builder copyOf(HttpRequest request) {
    HttpRequest.Builder copy = HttpRequest.newBuilder(request.uri())
        .expectContinue(request.expectContinue())
        .method(request.method(), request.bodyPublisher().orElse(HttpRequest.BodyPublishers.noBody()));
    request.timeout().ifPresent(copy::timeout);
    request.version().ifPresent(copy::version);
    request.headers().map().forEach((name, values) -> values.forEach(value -> copy.header(name, value)));
    return copy;
  }

  private static int port(URI uri) {
    if (uri.getPort() != -1) {
      return uri.getPort();
    }
    return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
  }

  /** {@code url.full} never carries a user name or password. */
  private static String withoutCredentials(URI uri) {
    String full = uri.toString();
    return uri.getRawUserInfo() == null ? full : full.replace(uri.getRawUserInfo() + "@", "");
  }
}
