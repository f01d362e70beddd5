package dev.weft.smoke;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.opentelemetry.proto.trace.v1.Span;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The export pipeline seen from outside, in a JVM running the Tomcat application: a collector that is slow,
 * overloaded, partly refusing or gone never makes a request wait, and what it does not get is counted and reported.
 */
class ExportTest extends TomcatHelloTest {

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
        tomcat()
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
      assertEquals(
          0, receiver.matching(TomcatHelloTest::isHelloSpan).size(), "nothing answered yet");
      receiver.answerHeldExports();
      receiver.await(TomcatHelloTest::isHelloSpan, requests, Duration.ofSeconds(30));
      assertEquals(4, receiver.mostExportsUnderWay(), "4 exports at a time, never more");
      app.stop();
      assertEquals(requests, receiver.matching(TomcatHelloTest::isHelloSpan).size());
      assertFalse(app.stderr().contains("[weft]"), app.stderr());
    }
  }

  /** A slow collector (100 ms per export) gets several exports at once, and every span. */
  @Test
  void aSlowCollectorGetsSeveralExportsAtOnceAndEverySpan() throws Exception {
    receiver.answerAfter(Duration.ofMillis(100));
    int requests = 400;
    try (AppProcess app =
        tomcat().exportingTo(receiver).with("otel.bsp.max.export.batch.size", "8").start()) {
      callHelloConcurrently(app, requests);
      receiver.await(TomcatHelloTest::isHelloSpan, requests, Duration.ofSeconds(30));
      app.stop();
      assertTrue(
          receiver.mostExportsUnderWay() > 1, "exports overlap: " + receiver.mostExportsUnderWay());
      assertEquals(requests, receiver.matching(TomcatHelloTest::isHelloSpan).size());
      assertFalse(app.stderr().contains("[weft]"), app.stderr());
    }
  }

  /** An overloaded collector answering 503 with Retry-After: the export is retried and the spans arrive. */
  @Test
  void anOverloadedCollectorsRetryAfterIsHonouredAndTheSpansArrive() throws Exception {
    receiver.refuseNext(2, 503, "1");
    try (AppProcess app = tomcat().exportingTo(receiver).start()) {
      callHello(app, 1);
      receiver.awaitOne(TomcatHelloTest::isHelloSpan);
      assertEquals(3, receiver.exportRequests(), "two refused, the third accepted");
      app.stop();
      assertFalse(
          app.stderr().contains("[weft]"), "nothing lost, nothing to report: " + app.stderr());
    }
  }

  /**
   * A collector that accepts an export but rejects some of its spans, over either protocol (the gRPC answer carries
   * the same partial success): those count as not delivered.
   */
  @ParameterizedTest
  @ValueSource(strings = {"http/protobuf", "grpc"})
  void spansRejectedInAPartialSuccessAreReportedAsNotDelivered(String protocol) throws Exception {
    receiver.answerPartialSuccess(1, "span too old");
    try (AppProcess app =
        tomcatExportingOver(protocol).with("otel.bsp.max.export.batch.size", "1").start()) {
      callHello(app, 3);
      receiver.await(TomcatHelloTest::isHelloSpan, 3, Duration.ofSeconds(20));
      app.stop();
      assertEquals(
          List.of(
              "[weft] WARN the collector rejected 1 spans of an export (span too old); the number lost "
                  + "is reported at shutdown"),
          app.stderrLinesWith("rejected"),
          app.stderr());
      assertNotDelivered(app, 3, 3);
    }
  }

  /**
   * A collector that is gone while 300 requests are served, against a queue of 16 spans: every request is answered,
   * the queue overflows and spans are dropped there (reported once when it starts), and at shutdown every span is
   * counted as not delivered.
   */
  @Test
  void anOutageDropsSpansAtTheBoundedQueueAndCountsThem() throws Exception {
    int requests = 300;
    try (AppProcess app =
        tomcat()
            .with("otel.exporter.otlp.endpoint", "http://127.0.0.1:" + Ports.free())
            .with("otel.bsp.max.queue.size", "16")
            .with("otel.bsp.max.export.batch.size", "8")
            .start()) {
      callHelloConcurrently(app, requests);
      app.stop();
      assertQueueOverflowReportedOnce(app);
      assertNotDelivered(app, requests, requests);
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
        tomcat()
            .exportingTo(receiver)
            .with("otel.instrumentation.executors.enabled", executorsInstrumentation)
            .with("otel.bsp.max.export.batch.size", "1")
            .with("otel.bsp.schedule.delay", "1")
            .start()) {
      callHelloConcurrently(app, requests);
      receiver.await(TomcatHelloTest::isHelloSpan, requests, Duration.ofSeconds(20));
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
