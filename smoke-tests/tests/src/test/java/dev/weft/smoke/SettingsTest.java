package dev.weft.smoke;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
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
}
