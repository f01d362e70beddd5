package dev.weft.smoke;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.opentelemetry.proto.trace.v1.Span;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/**
 * What the tests of one server application share: the application runs under the agent for the whole class, each
 * test's requests carry a query string of their own, and a request's server span is found by it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ServerAppTest {

  private final AtomicInteger requestNumber = new AtomicInteger();
  OtlpReceiver receiver;
  AppProcess app;
  int port;

  /** The application to start (the test adds the export to its receiver). */
  abstract AppProcess.Builder application();

  /** Sends a request the application answers, with this query string: any one will do. */
  abstract void sendAnyRequest(String query) throws Exception;

  @BeforeAll
  void startApplication() throws Exception {
    receiver = new OtlpReceiver();
    app = application().exportingTo(receiver).start();
    port = app.port();
  }

  @AfterAll
  void stopApplication() throws Exception {
    app.close();
    receiver.close();
  }

  /** A query string no other request in this run carries. */
  String uniqueQuery() {
    return "request=" + requestNumber.incrementAndGet();
  }

  ReceivedSpan serverSpan(String query) throws InterruptedException {
    return receiver.awaitOne(span -> isServerSpanOf(span, query));
  }

  /**
   * The request's one server span. Spans leave in the order they end, so once a later request's span has arrived,
   * any duplicate of this one would have too.
   */
  ReceivedSpan onlyServerSpan(String query) throws Exception {
    ReceivedSpan span = serverSpan(query);
    String fence = uniqueQuery();
    sendAnyRequest(fence);
    serverSpan(fence);
    List<ReceivedSpan> all = receiver.matching(s -> isServerSpanOf(s, query));
    assertEquals(1, all.size(), "one server span per request: " + all);
    return span;
  }

  private static boolean isServerSpanOf(ReceivedSpan span, String query) {
    return span.kind() == Span.SpanKind.SPAN_KIND_SERVER
        && query.equals(span.attribute("url.query"));
  }
}
