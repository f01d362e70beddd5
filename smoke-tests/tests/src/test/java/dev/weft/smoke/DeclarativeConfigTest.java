package dev.weft.smoke;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.opentelemetry.proto.trace.v1.Span;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Declarative configuration: {@code otel.config.file} (a system property) or {@code OTEL_CONFIG_FILE} names a YAML
 * file in the OpenTelemetry configuration schema, which configures the SDK: exporter, resource, sampler, propagators.
 */
class DeclarativeConfigTest {

  private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
  private static final String SPAN_ID = "00f067aa0ba902b7";
  private static final String TRACEPARENT = "00-" + TRACE_ID + "-" + SPAN_ID + "-01";

  @TempDir Path dir;

  /** Root spans are never sampled: only a request whose caller sampled its trace is exported. */
  private Path configFile(OtlpReceiver receiver, String environment) throws Exception {
    Path file = dir.resolve("otel.yaml");
    Files.writeString(
        file,
        String.join(
            "\n",
            "file_format: \"1.0\"",
            "resource:",
            "  attributes:",
            "    - name: service.name",
            "      value: shop",
            "    - name: deployment.environment.name",
            "      value: " + environment,
            "  detection/development:",
            "    detectors:",
            "      - service:",
            "tracer_provider:",
            "  processors:",
            "    - batch:",
            "        schedule_delay: 100",
            "        exporter:",
            "          otlp_http:",
            "            endpoint: " + receiver.endpoint() + "/v1/traces",
            "  sampler:",
            "    parent_based:",
            "      root:",
            "        always_off:",
            "propagator:",
            "  composite:",
            "    - tracecontext:",
            "    - baggage:",
            ""));
    return file;
  }

  @Test
  void theEnvironmentVariableNamesTheFileThatConfiguresTheSdk() throws Exception {
    try (OtlpReceiver receiver = new OtlpReceiver();
        AppProcess app =
            AppProcess.app("TomcatApp")
                .withEnvironment("OTEL_CONFIG_FILE", configFile(receiver, "env").toString())
                .start()) {
      assertTheFileConfiguresTheSdk(receiver, app, "env");
    }
  }

  @Test
  void theSystemPropertyNamesTheFileThatConfiguresTheSdk() throws Exception {
    try (OtlpReceiver receiver = new OtlpReceiver();
        AppProcess app =
            AppProcess.app("TomcatApp")
                .with("otel.config.file", configFile(receiver, "property").toString())
                .start()) {
      assertTheFileConfiguresTheSdk(receiver, app, "property");
    }
  }

  private static void assertTheFileConfiguresTheSdk(
      OtlpReceiver receiver, AppProcess app, String environment) throws Exception {
    int port = app.port();
    assertEquals("hello", Http.get(port, "/shop/hello?request=unsampled").body());
    assertEquals(
        "chained: hello",
        Http.get(port, "/shop/chain/okhttp?port=" + port, "traceparent", TRACEPARENT).body());

    // the caller's sampled trace continues through the server, the OkHttp call and the inner server
    // span
    ReceivedSpan inner =
        receiver.awaitOne(
            span ->
                TRACE_ID.equals(span.traceId())
                    && "GET /shop/hello".equals(span.name())
                    && span.kind() == Span.SpanKind.SPAN_KIND_SERVER);
    assertEquals("shop", inner.resource().get("service.name"));
    assertEquals(environment, inner.resource().get("deployment.environment.name"));
    // the declarative module's own resource detector, found in the agent jar
    assertNotNull(inner.resource().get("service.instance.id"), inner.resource().toString());
    List<ReceivedSpan> trace =
        receiver.await(span -> TRACE_ID.equals(span.traceId()), 3, Duration.ofSeconds(20));
    assertEquals(
        1,
        trace.stream().filter(span -> SPAN_ID.equals(span.parentSpanId())).count(),
        trace.toString());
    app.stop();
    // the root sampler of the file is always_off: the request without a caller's trace left no span
    assertEquals(
        List.of(),
        receiver.matching(span -> "request=unsampled".equals(span.attribute("url.query"))));
    // the test's own default for the SDK's settings is named: the file replaces them
    assertEquals(
        List.of(
            "[weft] WARN otel.bsp.schedule.delay has no effect: otel.config.file configures the SDK"
                + " (as in the OpenTelemetry agent); set it in the file"),
        app.stderrLinesWith("[weft]"),
        app.stderr());
  }

  @Test
  void anInvalidFileIsNamedOnceAndTheApplicationRunsUntraced() throws Exception {
    Path file = dir.resolve("broken.yaml");
    Files.writeString(file, "file_format: \"1.0\"\ntracer_provider:\n  processors: 12\n");
    try (AppProcess app =
        AppProcess.app("TomcatApp").withEnvironment("OTEL_CONFIG_FILE", file.toString()).start()) {
      int port = app.port();
      assertEquals("hello", Http.get(port, "/shop/hello", "traceparent", TRACEPARENT).body());
      app.stop();
      List<String> lines = app.stderrLinesWith("[weft] ERROR");
      assertEquals(1, lines.size(), app.stderr());
      String error = lines.get(0);
      assertTrue(
          error.startsWith("[weft] ERROR invalid otel.config.file, tracing is off: " + file + ": ")
              && error.contains("processors"),
          error);
    }
  }
}
