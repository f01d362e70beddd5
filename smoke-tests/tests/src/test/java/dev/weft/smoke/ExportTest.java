package dev.weft.smoke;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.opentelemetry.proto.trace.v1.Span;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The export pipeline seen from outside, in a JVM running the Tomcat application: a collector that is slow,
 * overloaded, partly refusing or gone never makes a request wait, and what it does not get is counted and reported.
 */
class ExportTest {

  private OtlpReceiver receiver;

  @BeforeEach
  void startReceiver() throws Exception {
    receiver = new OtlpReceiver();
  }

  @AfterEach
  void stopReceiver() {
    receiver.close();
  }

  private static boolean isHelloSpan(ReceivedSpan span) {
    return span.kind() == Span.SpanKind.SPAN_KIND_SERVER
        && "/shop/hello".equals(span.attribute("url.path"));
  }

  /** {@code requests} requests to /shop/hello from 8 threads; each must be answered 200. */
  private static void callHelloConcurrently(AppProcess app, int requests) throws Exception {
    assertEquals(
        Collections.nCopies(requests, 200),
        Http.getConcurrently(app.port(), "/shop/hello", requests));
  }

  /** Waits (at most 30 s) until the receiver holds {@code exports} exports unanswered. */
  private void awaitExportsUnderWay(int exports) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (receiver.exportsUnderWay() < exports) {
      assertTrue(System.nanoTime() < deadline, "exports under way: " + receiver.exportsUnderWay());
      Thread.sleep(10);
    }
  }

  /**
   * A collector that answers nothing while 400 requests are served: exports of 8 spans go out 4 at a time and wait,
   * the processor's thread waits for one of them, the queue takes the rest, and every request is answered all the
   * same, none waiting for the collector. When the collector answers, every span arrives.
   */
  @Test
  void aCollectorThatDoesNotAnswerMakesNoRequestWait() throws Exception {
    int requests = 400;
    try (AppProcess app =
        AppProcess.app("TomcatApp")
            .exportingTo(receiver)
            .with("otel.bsp.max.export.batch.size", "8")
            .with("otel.javaagent.exporter.max-concurrent-exports", "4")
            // the held exports must outlast the requests, however slow the machine: no attempt
            // times out meanwhile (the JDK HTTP sender's only limit is this one; the OkHttp sender
            // it replaced had a read timeout of its own, 10 s, after which a held export was
            // abandoned and sent again, up to 5 times, and its spans lost)
            .with("otel.exporter.otlp.timeout", "120000")
            .start()) {
      receiver.holdExports();
      callHelloConcurrently(app, requests);
      awaitExportsUnderWay(4);
      assertEquals(0, receiver.matching(ExportTest::isHelloSpan).size(), "nothing answered yet");
      receiver.answerHeldExports();
      receiver.await(ExportTest::isHelloSpan, requests, Duration.ofSeconds(30));
      assertEquals(4, receiver.mostExportsUnderWay(), "4 exports at a time, never more");
      app.stop();
      assertEquals(requests, receiver.matching(ExportTest::isHelloSpan).size());
      assertFalse(app.stderr().contains("[weft]"), app.stderr());
    }
  }

  /** A slow collector (100 ms per export) gets several exports at once, and every span. */
  @Test
  void aSlowCollectorGetsSeveralExportsAtOnceAndEverySpan() throws Exception {
    receiver.answerAfter(Duration.ofMillis(100));
    int requests = 400;
    try (AppProcess app =
        AppProcess.app("TomcatApp")
            .exportingTo(receiver)
            .with("otel.bsp.max.export.batch.size", "8")
            .start()) {
      callHelloConcurrently(app, requests);
      receiver.await(ExportTest::isHelloSpan, requests, Duration.ofSeconds(30));
      app.stop();
      assertTrue(
          receiver.mostExportsUnderWay() > 1, "exports overlap: " + receiver.mostExportsUnderWay());
      assertEquals(requests, receiver.matching(ExportTest::isHelloSpan).size());
      assertFalse(app.stderr().contains("[weft]"), app.stderr());
    }
  }

  /** An overloaded collector answering 503 with Retry-After: the export is retried and the spans arrive. */
  @Test
  void anOverloadedCollectorsRetryAfterIsHonouredAndTheSpansArrive() throws Exception {
    receiver.refuseNext(2, 503, "1");
    try (AppProcess app = AppProcess.app("TomcatApp").exportingTo(receiver).start()) {
      assertEquals(200, Http.get(app.port(), "/shop/hello").statusCode());
      receiver.awaitOne(ExportTest::isHelloSpan);
      assertEquals(3, receiver.exportRequests(), "two refused, the third accepted");
      app.stop();
      assertFalse(
          app.stderr().contains("[weft]"), "nothing lost, nothing to report: " + app.stderr());
    }
  }

  /** A collector that accepts an export but rejects some of its spans: those count as not delivered. */
  @Test
  void spansRejectedInAPartialSuccessAreReportedAsNotDelivered() throws Exception {
    receiver.answerPartialSuccess(1, "span too old");
    try (AppProcess app =
        AppProcess.app("TomcatApp")
            .exportingTo(receiver)
            .with("otel.bsp.max.export.batch.size", "1")
            .start()) {
      for (int i = 0; i < 3; i++) {
        assertEquals(200, Http.get(app.port(), "/shop/hello").statusCode());
      }
      receiver.await(ExportTest::isHelloSpan, 3, Duration.ofSeconds(20));
      app.stop();
      assertEquals(
          List.of(
              "[weft] WARN the collector rejected 1 spans of an export (span too old); the number lost "
                  + "is reported at shutdown"),
          app.stderrLinesWith("rejected"),
          app.stderr());
      assertEquals(
          List.of("[weft] WARN 3 of 3 spans were not delivered to the collector"),
          app.stderrLinesWith("not delivered"));
    }
  }

  /** The same over OTLP/gRPC, whose answer carries the same partial success. */
  @Test
  void spansRejectedInAPartialSuccessOverGrpcAreReportedAsNotDelivered() throws Exception {
    receiver.answerPartialSuccess(1, "span too old");
    String grpcEndpoint = receiver.startGrpc();
    try (AppProcess app =
        AppProcess.app("TomcatApp")
            .with("otel.exporter.otlp.protocol", "grpc")
            .with("otel.exporter.otlp.endpoint", grpcEndpoint)
            .with("otel.bsp.max.export.batch.size", "1")
            .start()) {
      for (int i = 0; i < 3; i++) {
        assertEquals(200, Http.get(app.port(), "/shop/hello").statusCode());
      }
      receiver.await(ExportTest::isHelloSpan, 3, Duration.ofSeconds(20));
      app.stop();
      assertEquals(
          List.of(
              "[weft] WARN the collector rejected 1 spans of an export (span too old); the number lost "
                  + "is reported at shutdown"),
          app.stderrLinesWith("rejected"),
          app.stderr());
      assertEquals(
          List.of("[weft] WARN 3 of 3 spans were not delivered to the collector"),
          app.stderrLinesWith("not delivered"));
    }
  }

  /**
   * A collector that is gone while 300 requests are served, against a queue of 16 spans: every request is answered,
   * the queue overflows and spans are dropped there (reported once when it starts), and at shutdown every span is
   * counted as not delivered.
   */
  @Test
  void anOutageDropsSpansAtTheBoundedQueueAndCountsThem() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    int requests = 300;
    try (AppProcess app =
        AppProcess.app("TomcatApp")
            .with("otel.exporter.otlp.endpoint", "http://127.0.0.1:" + closedPort)
            .with("otel.bsp.max.queue.size", "16")
            .with("otel.bsp.max.export.batch.size", "8")
            .start()) {
      callHelloConcurrently(app, requests);
      app.stop();
      assertEquals(
          1,
          app.stderrLinesWith("spans end faster than they can be exported").size(),
          app.stderr());
      assertEquals(
          List.of(
              "[weft] WARN "
                  + requests
                  + " of "
                  + requests
                  + " spans were not delivered to the collector"),
          app.stderrLinesWith("not delivered"),
          app.stderr());
      assertEquals(
          List.of(),
          app.stderrLinesWith("Failed to export"),
          "only Weft's own lines, no SDK logging");
    }
  }

  /**
   * The exporter sends with the JDK's HTTP client, which Weft instruments in applications: its own requests are never
   * traced, whether or not the executors instrumentation carries contexts to the threads it sends on.
   */
  @ParameterizedTest
  @ValueSource(strings = {"true", "false"})
  void theExportersOwnRequestsAreNotTraced(String executorsInstrumentation) throws Exception {
    int requests = 20;
    try (AppProcess app =
        AppProcess.app("TomcatApp")
            .exportingTo(receiver)
            .with("otel.instrumentation.executors.enabled", executorsInstrumentation)
            .with("otel.bsp.max.export.batch.size", "1")
            .with("otel.bsp.schedule.delay", "1")
            .start()) {
      callHelloConcurrently(app, requests);
      receiver.await(ExportTest::isHelloSpan, requests, Duration.ofSeconds(20));
      app.stop();
      assertTrue(receiver.exportRequests() >= requests, "one export per span");
      assertEquals(
          List.of(),
          receiver.matching(span -> span.kind() != Span.SpanKind.SPAN_KIND_SERVER),
          "only the application's server spans");
      assertFalse(app.stderr().contains("[weft]"), app.stderr());
    }
  }
}
