package dev.weft.smoke;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.opentelemetry.proto.trace.v1.Span;
import java.io.IOException;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * What the tests of the agent's own behaviour share: each case starts the Tomcat application in a JVM of its own,
 * calls {@code /shop/hello} and watches a fresh OTLP receiver and the application's output.
 */
abstract class TomcatHelloTest {

  protected OtlpReceiver receiver;

  @BeforeEach
  void startReceiver() throws Exception {
    receiver = new OtlpReceiver();
  }

  @AfterEach
  void stopReceiver() {
    receiver.close();
  }

  static AppProcess.Builder tomcat() {
    return AppProcess.app("TomcatApp");
  }

  /** The Tomcat application exporting to this test's receiver over {@code protocol}: http/protobuf or grpc. */
  AppProcess.Builder tomcatExportingOver(String protocol) throws IOException {
    String endpoint = "grpc".equals(protocol) ? receiver.startGrpc() : receiver.endpoint();
    return tomcat()
        .with("otel.exporter.otlp.protocol", protocol)
        .with("otel.exporter.otlp.endpoint", endpoint);
  }

  static boolean isHelloSpan(ReceivedSpan span) {
    return span.kind() == Span.SpanKind.SPAN_KIND_SERVER
        && "/shop/hello".equals(span.attribute("url.path"));
  }

  /** {@code times} requests to /shop/hello, one after the other; each must be answered 200. */
  static void callHello(AppProcess app, int times) throws Exception {
    for (int i = 0; i < times; i++) {
      assertEquals(200, Http.get(app.port(), "/shop/hello").statusCode());
    }
  }

  /** {@code requests} requests to /shop/hello from 8 threads; each must be answered 200. */
  static void callHelloConcurrently(AppProcess app, int requests) throws Exception {
    assertEquals(
        Collections.nCopies(requests, 200),
        Http.getConcurrently(app.port(), "/shop/hello", requests));
  }

  /** The application's one line at shutdown that counts the spans the collector did not get. */
  static void assertNotDelivered(AppProcess app, int lost, int ended) {
    assertEquals(
        List.of(
            "[weft] WARN " + lost + " of " + ended + " spans were not delivered to the collector"),
        app.stderrLinesWith("not delivered"),
        app.stderr());
  }

  /** The application's one warning, when it happens, that the export queue was full. */
  static void assertQueueOverflowReportedOnce(AppProcess app) {
    assertEquals(
        1, app.stderrLinesWith("spans end faster than they can be exported").size(), app.stderr());
  }
}
