package dev.weft.smoke;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** No silent settings: what Weft cannot honour is named once each, and the application is traced all the same. */
class SettingsTest {

  @Test
  void settingsWeftCannotHonourAreNamedAndTracingStaysOn() throws Exception {
    List<String> settings =
        List.of(
            "otel.experimental.config.file",
            "otel.instrumentation.jedis.enabled",
            "otel.javaagent.configuration-file",
            "otel.traces.exporter",
            "otel.metrics.exporter");
    try (OtlpReceiver receiver = new OtlpReceiver();
        AppProcess app =
            AppProcess.app("TomcatApp")
                .exportingTo(receiver)
                .with("otel.experimental.config.file", "/etc/otel.yaml")
                .with("otel.instrumentation.jedis.enabled", "false")
                .with("otel.javaagent.configuration-file", "/etc/otel.properties")
                .with("otel.traces.exporter", "otlp,kafka")
                .with("otel.metrics.exporter", "otlp")
                .start()) {
      Http.get(app.port(), "/shop/hello?request=1");
      assertEquals(
          "GET /shop/hello",
          receiver.awaitOne(span -> "request=1".equals(span.attribute("url.query"))).name());
      app.stop();
      List<String> warnings = app.stderrLinesWith("[weft]");
      assertEquals(settings.size(), warnings.size(), app.stderr());
      for (String setting : settings) {
        assertEquals(
            1,
            warnings.stream().filter(line -> line.startsWith("[weft] WARN " + setting)).count(),
            setting + " in " + warnings);
      }
      assertTrue(warnings.stream().anyMatch(line -> line.contains("[kafka]")), warnings.toString());
    }
  }

  /** By default the JVM takes the compiler directive that keeps advice out of inlining, and spans arrive as usual. */
  @Test
  void adviceKeptOutOfInliningByDefault() throws Exception {
    try (OtlpReceiver receiver = new OtlpReceiver();
        AppProcess app =
            AppProcess.app("TomcatApp")
                .exportingTo(receiver)
                .with("otel.javaagent.debug", "true")
                .start()) {
      Http.get(app.port(), "/shop/hello?request=2");
      assertEquals(
          "GET /shop/hello",
          receiver.awaitOne(span -> "request=2".equals(span.attribute("url.query"))).name());
      String added = "advice not inlined by the JIT compilers: 2 compiler directives added";
      awaitStderr(app, added);
      app.stop();
      assertTrue(app.stderr().contains(added), app.stderr());
      assertTrue(app.stderrLinesWith("[weft] WARN").isEmpty(), app.stderr());
    }
  }

  /**
   * A JVM started with its own inline rules keeps them: HotSpot would ignore them beside the directive. The user
   * who asked for the directive is told why it is not there, in one warning.
   */
  @Test
  void usersInlineRulesWin() throws Exception {
    String rule = "-XX:CompileCommand=dontinline,example/Unknown.*";
    try (OtlpReceiver receiver = new OtlpReceiver();
        AppProcess app =
            AppProcess.app("TomcatApp")
                .exportingTo(receiver)
                .withEnvironment("JAVA_TOOL_OPTIONS", "-XX:CompileCommand=quiet " + rule)
                .with("otel.javaagent.experimental.inline-advice", "false")
                .start()) {
      Http.get(app.port(), "/shop/hello?request=3");
      assertEquals(
          "GET /shop/hello",
          receiver.awaitOne(span -> "request=3".equals(span.attribute("url.query"))).name());
      String warning = "[weft] WARN otel.javaagent.experimental.inline-advice=false is not applied";
      awaitStderr(app, warning);
      app.stop();
      List<String> warnings = app.stderrLinesWith("[weft] WARN");
      assertEquals(1, warnings.size(), app.stderr());
      assertTrue(
          warnings.get(0).startsWith(warning) && warnings.get(0).contains(rule), app.stderr());
    }
  }

  /** The directive is added on the agent's thread once the SDK is ready, maybe after the first request. */
  private static void awaitStderr(AppProcess app, String text) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (!app.stderr().contains(text) && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
  }
}
