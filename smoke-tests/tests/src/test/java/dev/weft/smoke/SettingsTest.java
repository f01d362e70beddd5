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

  /** With the advice kept out of the JIT's inlining, the JVM takes the compiler directive and spans arrive as usual. */
  @Test
  void adviceKeptOutOfInliningStillTraces() throws Exception {
    try (OtlpReceiver receiver = new OtlpReceiver();
        AppProcess app =
            AppProcess.app("TomcatApp")
                .exportingTo(receiver)
                .with("otel.javaagent.experimental.inline-advice", "false")
                .with("otel.javaagent.debug", "true")
                .start()) {
      Http.get(app.port(), "/shop/hello?request=2");
      assertEquals(
          "GET /shop/hello",
          receiver.awaitOne(span -> "request=2".equals(span.attribute("url.query"))).name());
      // the directive is added on the agent's thread once the SDK is ready, maybe after the first
      // request
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (!app.stderr()
              .contains("advice not inlined by the JIT compilers: 1 compiler directives added")
          && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      app.stop();
      assertTrue(
          app.stderr()
              .contains("advice not inlined by the JIT compilers: 1 compiler directives added"),
          app.stderr());
      assertTrue(app.stderrLinesWith("[weft] WARN").isEmpty(), app.stderr());
    }
  }
}
