package dev.weft.smoke;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The agent's configuration and its behaviour towards the application and the collector, each case in a JVM of
 * its own running the Tomcat application.
 */
class AgentBehaviourTest extends TomcatHelloTest {

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
    try (AppProcess app = tomcat().exportingTo(receiver).start()) {
      callHello(app, 1);
      receiver.awaitOne(TomcatHelloTest::isHelloSpan);
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
        tomcat().exportingTo(receiver).with("otel.bsp.schedule.delay", "600000").start()) {
      callHello(app, 1);
      app.stop();
    }
    assertTrue(isHelloSpan(receiver.awaitOne(TomcatHelloTest::isHelloSpan)));
  }

  @Test
  void disabledAgentDoesNothingAtAll() throws Exception {
    try (AppProcess app =
        tomcat().exportingTo(receiver).with("otel.javaagent.enabled", "false").start()) {
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
        tomcat()
            .exportingTo(receiver)
            .with("otel.bsp.max.queue.size", "16")
            .with("otel.bsp.max.export.batch.size", "8")
            .with("otel.javaagent.exporter.max-concurrent-exports", "1")
            .start()) {
      receiver.holdExports();
      callHelloConcurrently(app, requests);
      receiver.answerHeldExports();
      app.stop();
      int delivered = receiver.matching(TomcatHelloTest::isHelloSpan).size();
      // a full queue, the export under way, and the batch the processor's thread holds while it
      // waits for a slot
      assertTrue(delivered <= 16 + 8 + 8, "at most what the pipeline holds: " + delivered);
      assertQueueOverflowReportedOnce(app);
      assertNotDelivered(app, requests - delivered, requests);
    }
  }

  @Test
  void noExporterMeansNoSpansAndNoLossReported() throws Exception {
    try (AppProcess app =
        tomcat().exportingTo(receiver).with("otel.traces.exporter", "none").start()) {
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
    try (AppProcess app = tomcat().exportingTo(receiver).with(setting, value).start()) {
      callHello(app, 2);
      app.stop();
    }
    assertEquals(List.of(), receiver.all());
  }

  @Test
  void grpcProtocolExportsToAGrpcCollector() throws Exception {
    try (AppProcess app = tomcatExportingOver("grpc").start()) {
      callHello(app, 1);
      assertEquals("GET /shop/hello", receiver.awaitOne(TomcatHelloTest::isHelloSpan).name());
    }
  }

  @Test
  void consoleExporterPrintsSpans() throws Exception {
    try (AppProcess app = tomcat().with("otel.traces.exporter", "console").start()) {
      callHello(app, 1);
      app.stop();
      assertTrue(app.stderr().contains("'GET /shop/hello'"), app.stderr());
    }
  }

  @Test
  void debugListsTransformedClasses() throws Exception {
    try (AppProcess app =
        tomcat().exportingTo(receiver).with("otel.javaagent.debug", "true").start()) {
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
        tomcat()
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
    try (AppProcess app =
        tomcat().with("otel.exporter.otlp.endpoint", "http://127.0.0.1:" + Ports.free()).start()) {
      callHello(app, 5);
      app.stop();
      assertEquals(1, app.stderrLinesWith("span export failed").size(), app.stderr());
      assertNotDelivered(app, 5, 5);
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {400, 403})
  void refusingCollectorIsReportedOnceWithACount(int status) throws Exception {
    receiver.answerWith(status);
    try (AppProcess app = tomcat().exportingTo(receiver).start()) {
      callHello(app, 3);
      app.stop();
      assertEquals(1, app.stderrLinesWith("span export failed").size(), app.stderr());
      assertNotDelivered(app, 3, 3);
    }
  }
}
