package dev.weft.instrumentation.servlet.common;

import dev.weft.instrumentation.api.SpanErrors;
import dev.weft.instrumentation.api.http.HttpConventions;
import dev.weft.instrumentation.api.http.HttpServerRoute;
import dev.weft.instrumentation.api.http.UrlRedaction;
import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.opentelemetry.semconv.ClientAttributes;
import io.opentelemetry.semconv.HttpAttributes;
import io.opentelemetry.semconv.NetworkAttributes;
import io.opentelemetry.semconv.ServerAttributes;
import io.opentelemetry.semconv.UrlAttributes;
import io.opentelemetry.semconv.UserAgentAttributes;

/**
 * The SERVER span of a servlet request: started by the outermost filter or servlet, ended when the response is
 * done. Shared by the javax and jakarta advice, which call {@link #enter} and {@link #exit}.
 */
public final class ServletServerTracing<REQ, RES> {

  /**
   * Request attribute holding the request's context, for later dispatches (async, error pages) on other threads.
   * Set when the first dispatch returns, and only when another may follow: containers run a later dispatch only
   * after that, and most requests have none, so they are spared the container's attribute map.
   */
  static final String CONTEXT_ATTRIBUTE = "dev.weft.context";

  private static final String INSTRUMENTATION_NAME = "dev.weft.servlet";

  private final ServletAccess<REQ, RES> access;
  private final RequestHeaders<REQ> headers;
  private final Tracer tracer;
  private final TextMapPropagator propagator;

  public ServletServerTracing(ServletAccess<REQ, RES> access) {
    this.access = access;
    this.headers = new RequestHeaders<>(access);
    this.tracer = GlobalOpenTelemetry.getTracer(INSTRUMENTATION_NAME);
    this.propagator = GlobalOpenTelemetry.getPropagators().getTextMapPropagator();
  }

  /**
   * Called on entry to every instrumented filter and servlet method.
   *
   * @return a {@link ServerRequest} when this call starts the request's span, a {@link Scope} when it re-enters a
   *     request traced earlier on another dispatch, or {@code null} when it is nested in a traced call
   */
  public Object enter(REQ request) {
    Context current = Context.current();
    if (HttpServerRoute.fromContext(current) != null) {
      return null;
    }
    Object earlier = access.attribute(request, CONTEXT_ATTRIBUTE);
    if (earlier instanceof Context) {
      return ((Context) earlier).makeCurrent();
    }
    return start(request, current);
  }

  private ServerRequest start(REQ request, Context current) {
    String rawMethod = access.method(request);
    String method = HttpConventions.requestMethod(rawMethod);
    Context parent = propagator.extract(current, request, headers);
    String peerAddress = access.remoteAddress(request);
    SpanBuilder builder =
        tracer
            .spanBuilder(HttpConventions.spanName(method))
            .setSpanKind(SpanKind.SERVER)
            .setParent(parent)
            .setAttribute(HttpAttributes.HTTP_REQUEST_METHOD, method)
            .setAttribute(UrlAttributes.URL_SCHEME, access.scheme(request))
            .setAttribute(UrlAttributes.URL_PATH, access.requestUri(request))
            .setAttribute(ServerAttributes.SERVER_ADDRESS, access.serverName(request))
            .setAttribute(ServerAttributes.SERVER_PORT, (long) access.serverPort(request))
            .setAttribute(NetworkAttributes.NETWORK_PEER_ADDRESS, peerAddress)
            .setAttribute(NetworkAttributes.NETWORK_PEER_PORT, (long) access.remotePort(request))
            .setAttribute(ClientAttributes.CLIENT_ADDRESS, clientAddress(request, peerAddress))
            .setAttribute(
                NetworkAttributes.NETWORK_PROTOCOL_VERSION,
                HttpConventions.protocolVersion(access.protocol(request)));
    if (method == HttpConventions.OTHER_METHOD) {
      builder.setAttribute(HttpAttributes.HTTP_REQUEST_METHOD_ORIGINAL, rawMethod);
    }
    String query = access.queryString(request);
    if (query != null) {
      builder.setAttribute(UrlAttributes.URL_QUERY, UrlRedaction.query(query));
    }
    String userAgent = access.header(request, "User-Agent");
    if (userAgent != null) {
      builder.setAttribute(UserAgentAttributes.USER_AGENT_ORIGINAL, userAgent);
    }
    return new ServerRequest(builder.startSpan(), method, parent);
  }

  /** The original client: the first {@code X-Forwarded-For} entry when a proxy set one, else the peer. */
  private String clientAddress(REQ request, String peerAddress) {
    String forwarded = access.header(request, "X-Forwarded-For");
    if (forwarded != null) {
      int comma = forwarded.indexOf(',');
      String first = (comma < 0 ? forwarded : forwarded.substring(0, comma)).trim();
      if (!first.isEmpty()) {
        return first;
      }
    }
    return peerAddress;
  }

  /** Called on exit from every instrumented method, with what {@link #enter} returned. */
  public void exit(Object state, REQ request, RES response, Throwable thrown) {
    if (state instanceof ServerRequest) {
      ServerRequest serverRequest = (ServerRequest) state;
      serverRequest.closeScope();
      boolean async = thrown == null && access.isAsyncStarted(request);
      if (async || thrown != null || access.status(response) >= 400) {
        // an async dispatch, or the container's error page dispatch, may follow
        access.setAttribute(request, CONTEXT_ATTRIBUTE, serverRequest.context);
      }
      if (async && endsLater(serverRequest, request, response)) {
        return;
      }
      if (serverRequest.claimEnd()) {
        end(serverRequest, request, response, thrown);
      }
    } else if (state instanceof Scope) {
      ((Scope) state).close();
    }
  }

  /** Hands the span to the async context; false when that fails (it completed meanwhile), so it ends now. */
  private boolean endsLater(ServerRequest serverRequest, REQ request, RES response) {
    try {
      access.endOnAsyncCompletion(request, response, serverRequest);
      return true;
    } catch (IllegalStateException asyncAlreadyOver) {
      return false;
    }
  }

  /** The async context completed ({@code thrown == null}) or failed. */
  public void asyncEnded(ServerRequest serverRequest, REQ request, RES response, Throwable thrown) {
    if (serverRequest.claimEnd()) {
      end(serverRequest, request, response, thrown);
    }
  }

  /** The async context timed out: the span ends now, marked {@code error.type=timeout}. */
  public void asyncTimedOut(ServerRequest serverRequest, REQ request, RES response) {
    if (serverRequest.claimEnd()) {
      Span span = serverRequest.span;
      SpanErrors.recordError(span, "timeout");
      int status = access.status(response);
      if (status >= 400) {
        span.setAttribute(HttpAttributes.HTTP_RESPONSE_STATUS_CODE, (long) status);
      }
      nameByRoute(serverRequest, request);
      span.end();
    }
  }

  private void end(ServerRequest serverRequest, REQ request, RES response, Throwable thrown) {
    Span span = serverRequest.span;
    int status = access.status(response);
    if (thrown != null && !access.isCommitted(response)) {
      status = 500; // what the container answers for an exception that escaped the application
    }
    if (status > 0) {
      span.setAttribute(HttpAttributes.HTTP_RESPONSE_STATUS_CODE, (long) status);
    }
    if (thrown != null) {
      SpanErrors.recordException(span, thrown);
    } else if (status >= 500) {
      SpanErrors.recordError(span, Integer.toString(status));
    }
    nameByRoute(serverRequest, request);
    span.end();
  }

  /** By the route of the framework that chose the handler, else by the servlet mapping's. */
  private void nameByRoute(ServerRequest serverRequest, REQ request) {
    String route = serverRequest.frameworkRoute();
    if (route == null) {
      route = access.route(request);
    }
    if (route != null) {
      serverRequest.span.setAttribute(HttpAttributes.HTTP_ROUTE, route);
      serverRequest.span.updateName(HttpConventions.spanName(serverRequest.method) + " " + route);
    }
  }
}
