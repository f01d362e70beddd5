package dev.weft.instrumentation.okhttp;

import dev.weft.instrumentation.api.http.HttpClientSpans;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapSetter;
import java.io.IOException;
import java.util.List;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/** One CLIENT span per call, its context injected into the request's headers. */
final class TracingInterceptor implements Interceptor {

  private static final TracingInterceptor INSTANCE = new TracingInterceptor();
  private static final HttpClientSpans SPANS = new HttpClientSpans("dev.weft.okhttp");
  private static final TextMapSetter<Request.Builder> HEADERS =
      (request, name, value) -> request.header(name, value);

  /** Adds the interceptor first, once: a client made from another client's builder has it already. */
  static void addTo(List<Interceptor> interceptors) {
    if (!interceptors.contains(INSTANCE)) {
      interceptors.add(0, INSTANCE);
    }
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    Context parent = Context.current();
    HttpUrl url = request.url();
    String userInfo =
        url.encodedPassword().isEmpty()
            ? url.encodedUsername()
            : url.encodedUsername() + ":" + url.encodedPassword();
    Span span =
        SPANS.start(parent, request.method(), url.toString(), userInfo, url.host(), url.port());
    if (span == null) {
      return chain.proceed(request);
    }
    Context call = SPANS.contextOf(parent, span);
    Request.Builder traced = request.newBuilder();
    SPANS.inject(call, traced, HEADERS);
    Response response;
    try (Scope ignored = call.makeCurrent()) {
      response = chain.proceed(traced.build());
    } catch (IOException | RuntimeException | Error e) {
      HttpClientSpans.end(span, -1, null, e);
      throw e;
    }
    HttpClientSpans.end(span, response.code(), protocolVersion(response), null);
    return response;
  }

  /** OkHttp names protocols {@code http/1.1}, {@code h2}, ...; the conventions want {@code 1.1}, {@code 2}. */
  private static String protocolVersion(Response response) {
    switch (response.protocol().toString()) {
      case "http/1.0":
        return "1.0";
      case "http/1.1":
        return "1.1";
      case "h2":
      case "h2_prior_knowledge":
        return "2";
      case "quic":
      case "h3":
        return "3";
      default:
        return null;
    }
  }
}
