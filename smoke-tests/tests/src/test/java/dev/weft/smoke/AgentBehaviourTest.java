package dev.weft.smoke;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.opentelemetry.proto.trace.v1.Span;
import java.net.ServerSocket;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The agent's configuration and its behaviour towards the application and the collector, each case in a JVM of
 * its own running the Tomcat application.
 */
class AgentBehaviourTest {

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

  private static void callHello(AppProcess app, int times) throws Exception {
    int port = app.port();
    for (int i = 0; i < times; i++) {
      assertEquals(200, Http.get(port, "/shop/hello").statusCode());
    }
  }

  @Test
  void agentAddsNothingToAProgramsOutput() throws Exception {
    try (AppProcess app = AppProcess.app("HelloWorld").exportingTo(receiver).start()) {
      assertEquals(0, app.awaitExit());
      assertEquals("hello, world\n", app.stdout());
      assertEquals(
          "", app.stderr(), "no JVM warning (class-data sharing stays on), no agent message");
    }
  }

  /** On every JDK, Java 25 included: no JVM warning about what the agent's libraries do (Unsafe, say). */
  @Test
  void agentAddsNoWarningToATracedServersOutput() throws Exception {
    try (AppProcess app = AppProcess.app("TomcatApp").exportingTo(receiver).start()) {
      callHello(app, 1);
      receiver.awaitOne(AgentBehaviourTest::isHelloSpan);
      app.stop();
      assertEquals(List.of(), app.stderrLinesWith("WARNING"), app.stderr());
      assertEquals(List.of(), app.stderrLinesWith("[weft]"), app.stderr());
    }
  }

  @Test
  void servletApiTooOldIsLeftAloneWithOneWarning() throws Exception {
    try (AppProcess app =
        AppProcess.app("LegacyServletApp")
            .argument(AppProcess.APPS.resolve("legacy/servlet-api-2.5.jar").toString())
            .start()) {
      assertEquals(0, app.awaitExit());
      assertTrue(app.stdout().contains("loaded javax.servlet.http.HttpServlet"), app.stdout());
      List<String> warnings = app.stderrLinesWith("[weft]");
      assertEquals(1, warnings.size(), app.stderr());
      assertTrue(
          warnings.get(0).startsWith("[weft] WARN instrumentation servlet is off for"),
          warnings.get(0));
      assertTrue(warnings.get(0).contains("javax.servlet.AsyncListener"), warnings.get(0));
    }
  }

  @Test
  void spansAreFlushedWhenTheJvmStops() throws Exception {
    try (AppProcess app =
        AppProcess.app("TomcatApp")
            .exportingTo(receiver)
            .with("otel.bsp.schedule.delay", "600000")
            .start()) {
      callHello(app, 1);
      app.stop();
    }
    assertTrue(isHelloSpan(receiver.awaitOne(AgentBehaviourTest::isHelloSpan)));
  }

  @Test
  void disabledAgentDoesNothingAtAll() throws Exception {
    try (AppProcess app =
        AppProcess.app("TomcatApp")
            .exportingTo(receiver)
            .with("otel.javaagent.enabled", "false")
            .start()) {
      callHello(app, 2);
      app.stop();
      assertEquals(0, receiver.exportRequests(), "nothing exported, even at shutdown");
      assertFalse(app.stderr().contains("[weft]"), app.stderr());
      assertFalse(app.stdout().contains("bootstrap classpath has been appended"), app.stdout());
    }
  }

  /**
   * The export queue overflowing never makes a request wait (there used to be an export backpressure here that did,
   * {@code otel.javaagent.export-backpressure.enabled}; it is gone): 400 requests from 8 threads against a queue of 16
   * spans and a collector that holds its one export under way until the requests are done. Every request is
   * answered, the spans that found the queue full are dropped, reported once when it starts, and counted at
   * shutdown; the rest arrive once the collector answers.
   */
  @Test
  void anOverflowingQueueDropsSpansAndMakesNoRequestWait() throws Exception {
    int requests = 400;
    try (AppProcess app =
        AppProcess.app("TomcatApp")
            .exportingTo(receiver)
            .with("otel.bsp.max.queue.size", "16")
            .with("otel.bsp.max.export.batch.size", "8")
            .with("otel.javaagent.exporter.max-concurrent-exports", "1")
            .start()) {
      receiver.holdExports();
      assertEquals(
          Collections.nCopies(requests, 200),
          Http.getConcurrently(app.port(), "/shop/hello", requests));
      receiver.answerHeldExports();
      app.stop();
      int delivered = receiver.matching(AgentBehaviourTest::isHelloSpan).size();
      // a full queue, the export under way, and the batch the processor's thread holds while it
      // waits for a slot
      assertTrue(delivered <= 16 + 8 + 8, "at most what the pipeline holds: " + delivered);
      assertEquals(
          1,
          app.stderrLinesWith("spans end faster than they can be exported").size(),
          app.stderr());
      assertEquals(
          List.of(
              "[weft] WARN "
                  + (requests - delivered)
                  + " of "
                  + requests
                  + " spans were not delivered to the collector"),
          app.stderrLinesWith("not delivered"));
    }
  }

  @Test
  void noExporterMeansNoSpansAndNoLossReported() throws Exception {
    try (AppProcess app =
        AppProcess.app("TomcatApp")
            .exportingTo(receiver)
            .with("otel.traces.exporter", "none")
            .start()) {
      callHello(app, 2);
      app.stop();
      assertEquals(0, receiver.exportRequests());
      assertFalse(
          app.stderr().contains("[weft]"),
          "spans not meant for export are not reported lost: " + app.stderr());
    }
  }

  @ParameterizedTest
  @CsvSource({
    "otel.instrumentation.servlet.enabled, false",
    "otel.instrumentation.common.default-enabled, false"
  })
  void disabledInstrumentationMakesNoSpans(String setting, String value) throws Exception {
    try (AppProcess app =
        AppProcess.app("TomcatApp").exportingTo(receiver).with(setting, value).start()) {
      callHello(app, 2);
      app.stop();
    }
    assertEquals(List.of(), receiver.all());
  }

  @Test
  void grpcProtocolExportsToAGrpcCollector() throws Exception {
    String grpcEndpoint = receiver.startGrpc();
    try (AppProcess app =
        AppProcess.app("TomcatApp")
            .with("otel.exporter.otlp.protocol", "grpc")
            .with("otel.exporter.otlp.endpoint", grpcEndpoint)
            .start()) {
      callHello(app, 1);
      assertEquals("GET /shop/hello", receiver.awaitOne(AgentBehaviourTest::isHelloSpan).name());
    }
  }

  @Test
  void consoleExporterPrintsSpans() throws Exception {
    try (AppProcess app =
        AppProcess.app("TomcatApp").with("otel.traces.exporter", "console").start()) {
      callHello(app, 1);
      app.stop();
      assertTrue(app.stderr().contains("'GET /shop/hello'"), app.stderr());
    }
  }

  @Test
  void debugListsTransformedClasses() throws Exception {
    try (AppProcess app =
        AppProcess.app("TomcatApp")
            .exportingTo(receiver)
            .with("otel.javaagent.debug", "true")
            .start()) {
      callHello(app, 1);
      assertTrue(
          app.stderr().contains("transformed jakarta.servlet.http.HttpServlet"), app.stderr());
    }
  }

  @ParameterizedTest
  @CsvSource({
    "otel.traces.sampler.arg, abc",
    "otel.traces.exporter, bogus",
    "otel.exporter.otlp.protocol, carrier-pigeon"
  })
  void invalidSettingIsNamedOnceAndTheApplicationRuns(String setting, String value)
      throws Exception {
    try (AppProcess app =
        AppProcess.app("TomcatApp")
            .exportingTo(receiver)
            .with("otel.traces.sampler", "parentbased_traceidratio")
            .with(setting, value)
            .start()) {
      callHello(app, 1);
      app.stop();
      List<String> lines = app.stderrLinesWith("[weft]");
      assertEquals(1, lines.size(), app.stderr());
      assertTrue(lines.get(0).contains(setting), lines.get(0));
    }
  }

  @Test
  void deadCollectorCostsOnlyDroppedSpansReportedOnce() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    try (AppProcess app =
        AppProcess.app("TomcatApp")
            .with("otel.exporter.otlp.endpoint", "http://127.0.0.1:" + closedPort)
            .start()) {
      callHello(app, 5);
      app.stop();
      assertEquals(1, app.stderrLinesWith("span export failed").size(), app.stderr());
      assertEquals(
          List.of("[weft] WARN 5 of 5 spans were not delivered to the collector"),
          app.stderrLinesWith("not delivered"));
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {400, 403})
  void refusingCollectorIsReportedOnceWithACount(int status) throws Exception {
    receiver.answerWith(status);
    try (AppProcess app = AppProcess.app("TomcatApp").exportingTo(receiver).start()) {
      callHello(app, 3);
      app.stop();
      assertEquals(1, app.stderrLinesWith("span export failed").size(), app.stderr());
      assertEquals(
          List.of("[weft] WARN 3 of 3 spans were not delivered to the collector"),
          app.stderrLinesWith("not delivered"));
    }
  }
}
