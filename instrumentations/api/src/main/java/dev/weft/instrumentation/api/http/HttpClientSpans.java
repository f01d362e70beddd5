package dev.weft.instrumentation.api.http;

import dev.weft.instrumentation.api.SpanErrors;
import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.opentelemetry.context.propagation.TextMapSetter;
import io.opentelemetry.semconv.HttpAttributes;
import io.opentelemetry.semconv.NetworkAttributes;
import io.opentelemetry.semconv.ServerAttributes;
import io.opentelemetry.semconv.UrlAttributes;

/**
 * CLIENT spans of HTTP client modules, named and attributed per the HTTP client conventions alike: start one,
 * inject its context into the outgoing request, end it with the response status or the failure.
 */
public final class HttpClientSpans {

  private final Tracer tracer;
  private final TextMapPropagator propagator =
      GlobalOpenTelemetry.getPropagators().getTextMapPropagator();

  /** @param instrumentationName the tracer's name, e.g. {@code dev.weft.okhttp} */
  public HttpClientSpans(String instrumentationName) {
    this.tracer = GlobalOpenTelemetry.getTracer(instrumentationName);
  }

  /**
   * A new client span, the child of {@code parent}, or {@code null} when {@code parent} is already inside a client
   * call (a client built on another, or the agent's own export), which must not yield a second span.
   *
   * @param urlFull the URL as given; credentials and sensitive query values are redacted here
   * @param userInfo the user info the URL holds, or {@code null}
   */
  public Span start(
      Context parent,
      String method,
      String urlFull,
      String userInfo,
      String serverAddress,
      int serverPort) {
    if (ClientSpans.isInClientSpan(parent)) {
      return null;
    }
    String requestMethod = HttpConventions.requestMethod(method);
    Span span =
        tracer
            .spanBuilder(HttpConventions.spanName(requestMethod))
            .setSpanKind(SpanKind.CLIENT)
            .setParent(parent)
            .setAttribute(HttpAttributes.HTTP_REQUEST_METHOD, requestMethod)
            .setAttribute(UrlAttributes.URL_FULL, UrlRedaction.fullUrl(urlFull, userInfo))
            .setAttribute(ServerAttributes.SERVER_ADDRESS, serverAddress)
            .setAttribute(ServerAttributes.SERVER_PORT, (long) serverPort)
            .startSpan();
    if (requestMethod == HttpConventions.OTHER_METHOD) {
      span.setAttribute(HttpAttributes.HTTP_REQUEST_METHOD_ORIGINAL, method);
    }
    return span;
  }

  /** The context of the call: the span current, and marked as inside a client call. */
  public Context contextOf(Context parent, Span span) {
    return ClientSpans.markedAsClientSpan(parent.with(span));
  }

  /** Writes the call's context into the outgoing request's headers with the configured propagators. */
  public <C> void inject(Context callContext, C request, TextMapSetter<C> headers) {
    propagator.inject(callContext, request, headers);
  }

  /**
   * Ends the span: with the status when a response came ({@code status > 0}; error from 400 up), else with the
   * failure as an exception event.
   *
   * @param protocolVersion {@code network.protocol.version}, or {@code null} when unknown
   */
  public static void end(Span span, int status, String protocolVersion, Throwable thrown) {
    if (status > 0) {
      span.setAttribute(HttpAttributes.HTTP_RESPONSE_STATUS_CODE, (long) status);
    }
    if (protocolVersion != null) {
      span.setAttribute(NetworkAttributes.NETWORK_PROTOCOL_VERSION, protocolVersion);
    }
    if (status >= 400) {
      SpanErrors.recordError(span, Integer.toString(status));
    } else if (thrown != null) {
      SpanErrors.recordException(span, thrown);
    }
    span.end();
  }
}
