package dev.weft.instrumentation.httpurlconnection;

import dev.weft.instrumentation.api.WeakIdentityState;
import dev.weft.instrumentation.api.http.HttpClientSpans;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapSetter;
import java.net.HttpURLConnection;
import java.net.URL;

/** The span of each connection, from the first call that sends the request to the reading of the response. */
final class ConnectionCalls {

  private static final HttpClientSpans CLIENT_SPANS =
      new HttpClientSpans("dev.weft.http-url-connection");
  private static final TextMapSetter<HttpURLConnection> HEADERS =
      HttpURLConnection::setRequestProperty;

  /**
   * The span of each connection, or {@link #ENDED} once it has ended (a connection is one request; reading its
   * response again must not start another span). Weakly held: a connection takes its entry with it. Without a
   * lock, since every request thread passes here.
   */
  private static final WeakIdentityState<Span> SPANS = new WeakIdentityState<>();

  private static final Span ENDED = Span.getInvalid();

  /** getInputStream calls itself (through getResponseCode, redirects): only the outermost one ends the span. */
  private static final ThreadLocal<int[]> RESPONSE_DEPTH =
      ThreadLocal.withInitial(() -> new int[1]);

  private ConnectionCalls() {}

  /**
   * Starts the span unless the connection has one. Every way to send the request goes through connect,
   * getOutputStream or getInputStream, so the first of them comes before the connection is made.
   */
  static void start(HttpURLConnection connection) {
    if (SPANS.get(connection) != null) {
      return;
    }
    Context caller = Context.current();
    URL url = connection.getURL();
    Span span =
        CLIENT_SPANS.start(
            caller,
            connection.getRequestMethod(),
            url.toString(),
            url.getUserInfo(),
            url.getHost(),
            url.getPort() != -1 ? url.getPort() : url.getDefaultPort());
    if (span != null) {
      CLIENT_SPANS.inject(CLIENT_SPANS.contextOf(caller, span), connection, HEADERS);
      SPANS.put(connection, span);
    }
  }

  static boolean enterResponse(HttpURLConnection connection) {
    start(connection);
    return RESPONSE_DEPTH.get()[0]++ == 0;
  }

  static void exitResponse(HttpURLConnection connection, boolean outermost, Throwable thrown) {
    RESPONSE_DEPTH.get()[0]--;
    if (outermost) {
      // the response status is known even when getInputStream threw (an error status makes it
      // throw); the
      // connection remembers its failure, so asking does not send the request again
      end(connection, thrown, statusOf(connection));
    }
  }

  /** Connecting failed: no status to ask for (asking would connect again). */
  static void connectFailed(HttpURLConnection connection, Throwable thrown) {
    end(connection, thrown, -1);
  }

  private static void end(HttpURLConnection connection, Throwable thrown, int status) {
    Span span = SPANS.get(connection); // a connection is used by one thread at a time
    SPANS.put(connection, ENDED);
    if (span != null && span != ENDED) {
      HttpClientSpans.end(span, status, "1.1", thrown);
    }
  }

  private static int statusOf(HttpURLConnection connection) {
    try {
      return connection.getResponseCode();
    } catch (Exception e) {
      return -1;
    }
  }
}
