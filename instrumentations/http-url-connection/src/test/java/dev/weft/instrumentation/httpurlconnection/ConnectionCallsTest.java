package dev.weft.instrumentation.httpurlconnection;

import static dev.weft.instrumentation.api.testing.RecordingSdk.onlySpan;
import static dev.weft.instrumentation.api.testing.RecordingSdk.traceparentOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.instrumentation.api.testing.RecordingSdk;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.semconv.ErrorAttributes;
import io.opentelemetry.semconv.HttpAttributes;
import io.opentelemetry.semconv.UrlAttributes;
import java.io.FileNotFoundException;
import java.net.ConnectException;
import java.net.HttpURLConnection;
import java.net.URL;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * One span per connection, as the advice drives it: started by the first call that sends the request, ended by the
 * outermost {@code getInputStream} (which the JDK calls again from within itself), never a second time.
 */
class ConnectionCallsTest {

  private static final InMemorySpanExporter EXPORTED = RecordingSdk.install();

  @BeforeEach
  void reset() {
    EXPORTED.reset();
  }

  @Test
  void onlyTheOutermostResponseCallEndsTheSpan() throws Exception {
    FakeConnection connection = new FakeConnection("http://shop.example/orders", 200);

    ConnectionCalls.start(connection); // connect()
    boolean outer = ConnectionCalls.enterResponse(connection); // getInputStream()
    boolean inner =
        ConnectionCalls.enterResponse(connection); // getResponseCode() calling getInputStream()
    ConnectionCalls.exitResponse(connection, inner, null);
    assertTrue(EXPORTED.getFinishedSpanItems().isEmpty(), "an inner call does not end the span");
    ConnectionCalls.exitResponse(connection, outer, null);

    assertTrue(outer);
    assertFalse(inner);
    SpanData span = onlySpan();
    assertEquals("GET", span.getName());
    assertEquals("http://shop.example/orders", span.getAttributes().get(UrlAttributes.URL_FULL));
    assertEquals(200L, span.getAttributes().get(HttpAttributes.HTTP_RESPONSE_STATUS_CODE));
    assertEquals(traceparentOf(span), connection.getRequestProperty("traceparent"));
  }

  @Test
  void readingTheResponseAgainStartsNoSecondSpan() throws Exception {
    FakeConnection connection = new FakeConnection("http://shop.example/orders", 200);
    for (int read = 0; read < 2; read++) {
      boolean outer = ConnectionCalls.enterResponse(connection);
      ConnectionCalls.exitResponse(connection, outer, null);
    }

    onlySpan();
  }

  @Test
  void anErrorStatusThatMadeTheCallThrowIsStillRecorded() throws Exception {
    FakeConnection connection = new FakeConnection("http://shop.example/missing", 404);
    boolean outer = ConnectionCalls.enterResponse(connection);
    ConnectionCalls.exitResponse(
        connection, outer, new FileNotFoundException("http://shop.example/missing"));

    SpanData span = onlySpan();
    assertEquals(404L, span.getAttributes().get(HttpAttributes.HTTP_RESPONSE_STATUS_CODE));
    assertEquals(StatusCode.ERROR, span.getStatus().getStatusCode());
  }

  @Test
  void aFailedConnectEndsTheSpanWithoutAskingForAStatus() throws Exception {
    FakeConnection connection = new FakeConnection("http://shop.example/", 200);
    ConnectionCalls.start(connection);
    ConnectionCalls.connectFailed(connection, new ConnectException("refused"));

    SpanData span = onlySpan();
    assertEquals(0, connection.statusAsked, "asking for the status would connect again");
    assertEquals(
        ConnectException.class.getName(), span.getAttributes().get(ErrorAttributes.ERROR_TYPE));
  }

  /** A connection that answers a fixed status and never goes to the network. */
  private static final class FakeConnection extends HttpURLConnection {
    private final int status;
    int statusAsked;

    FakeConnection(String url, int status) throws Exception {
      super(new URL(url));
      this.status = status;
    }

    @Override
    public int getResponseCode() {
      statusAsked++;
      return status;
    }

    @Override
    public void connect() {}

    @Override
    public void disconnect() {}

    @Override
    public boolean usingProxy() {
      return false;
    }
  }
}
