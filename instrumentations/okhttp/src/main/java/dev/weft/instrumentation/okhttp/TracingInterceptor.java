package dev.weft.instrumentation.okhttp;

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
import java.io.IOException;
import java.util.List;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/** One CLIENT span per call, its context injected into the request's headers. */
final class TracingInterceptor implements Interceptor {

  private static final TracingInterceptor INSTANCE = new TracingInterceptor();
  private static final TextMapSetter<Request.Builder> HEADERS = (request, name, value) -> request.header(name, value);

  private final Tracer tracer = GlobalOpenTelemetry.getTracer("dev.weft.okhttp");
  private final TextMapPropagator propagator = GlobalOpenTelemetry.getPropagators().getTextMapPropagator();

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
    if (ClientSpans.isInClientSpan(parent)) {
      return chain.proceed(request);
    }
    String method = HttpConventions.requestMethod(request.method());
    HttpUrl url = request.url();
    Span span = tracer.spanBuilder(HttpConventions.spanName(method))
        .setSpanKind(SpanKind.CLIENT)
        .setParent(parent)
        .setAttribute(HttpAttributes.HTTP_REQUEST_METHOD, method)
        .setAttribute(UrlAttributes.URL_FULL, withoutCredentials(url))
        .setAttribute(ServerAttributes.SERVER_ADDRESS, url.host())
        .setAttribute(ServerAttributes.SERVER_PORT, (long) url.port())
        .startSpan();
    if (method == HttpConventions.OTHER_METHOD) {
      span.setAttribute(HttpAttributes.HTTP_REQUEST_METHOD_ORIGINAL, request.method());
    }
    Context context = ClientSpans.markedAsClientSpan(parent.with(span));
    Request.Builder traced = request.newBuilder();
    propagator.inject(context, traced, HEADERS);
    try (Scope ignored = context.makeCurrent()) {
      Response response = chain.proceed(traced.build());
      int status = response.code();
      span.setAttribute(HttpAttributes.HTTP_RESPONSE_STATUS_CODE, (long) status);
      span.setAttribute(NetworkAttributes.NETWORK_PROTOCOL_VERSION, protocolVersion(response));
      if (status >= 400) {
        SpanErrors.recordError(span, Integer.toString(status));
      }
      return response;
    } catch (IOException | RuntimeException | Error e) {
      SpanErrors.recordException(span, e);
      throw e;
    } finally {
      span.end();
    }
  }

  /** {@code url.full} never carries a user name or password. */
  private static String withoutCredentials(HttpUrl url) {
    if (url.username().isEmpty() && url.password().isEmpty()) {
      return url.toString();
    }
    return url.newBuilder().username("").password("").build().toString();
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
