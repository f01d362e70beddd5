package dev.weft.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.opentelemetry.sdk.autoconfigure.spi.internal.DefaultConfigProperties;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExporterSettingTest {

  private static Map<String, String> honoured(Map<String, String> settings, StringBuilder stderr) {
    Map<String, String> result = new HashMap<>();
    stderr.append(
        StderrCapture.of(
            () ->
                result.putAll(
                    ExporterSetting.honoured(
                        DefaultConfigProperties.createFromMap(settings), List.of("custom")))));
    return result;
  }

  @Test
  void shippedAndExtensionExportersAreKept() {
    StringBuilder stderr = new StringBuilder();
    assertEquals(
        Map.of(),
        honoured(
            Map.of("otel.traces.exporter", "otlp,zipkin,logging-otlp,console,logging,custom"),
            stderr));
    assertEquals("", stderr.toString());
  }

  @Test
  void unknownExporterIsLeftOutWithOneWarning() {
    StringBuilder stderr = new StringBuilder();
    assertEquals(
        Map.of("otel.traces.exporter", "zipkin"),
        honoured(Map.of("otel.traces.exporter", "zipkin,kafka"), stderr));
    assertEquals(1, stderr.toString().lines().count());
    assertTrue(
        stderr
            .toString()
            .startsWith(
                "[weft] WARN otel.traces.exporter names exporters Weft does not have,"
                    + " which it leaves out: [kafka]; it uses zipkin"),
        stderr.toString());
  }

  @Test
  void onlyUnknownExportersFallBackToOtlp() {
    assertEquals(
        Map.of("otel.traces.exporter", "otlp"),
        honoured(Map.of("otel.traces.exporter", "bogus"), new StringBuilder()));
  }

  @Test
  void unknownProtocolFallsBackToHttpProtobuf() {
    StringBuilder stderr = new StringBuilder();
    assertEquals(
        Map.of("otel.exporter.otlp.protocol", "http/protobuf"),
        honoured(Map.of("otel.exporter.otlp.protocol", "carrier-pigeon"), stderr));
    assertTrue(stderr.toString().contains("otel.exporter.otlp.protocol"), stderr.toString());
  }

  /** The SDK's OTLP exporter has no http/json: passed on, it would turn tracing off. */
  @Test
  void httpJsonFallsBackToHttpProtobuf() {
    StringBuilder stderr = new StringBuilder();
    assertEquals(
        Map.of("otel.exporter.otlp.traces.protocol", "http/protobuf"),
        honoured(Map.of("otel.exporter.otlp.traces.protocol", "http/json"), stderr));
    assertTrue(stderr.toString().contains("http/json"), stderr.toString());
  }

  @Test
  void metricsAndLogsExportersAreTurnedOffWithAWarning() {
    StringBuilder stderr = new StringBuilder();
    assertEquals(
        Map.of("otel.metrics.exporter", "none", "otel.logs.exporter", "none"),
        honoured(Map.of("otel.metrics.exporter", "otlp", "otel.logs.exporter", "console"), stderr));
    assertEquals(2, stderr.toString().lines().count(), stderr.toString());
    assertEquals(Map.of(), honoured(Map.of("otel.metrics.exporter", "none"), new StringBuilder()));
  }

  /** OkHttp's read timeout ends a gRPC export whose answer takes longer than 10 s, whatever the setting says. */
  @Test
  void grpcTimeoutAboveTenSecondsIsNamed() {
    StringBuilder stderr = new StringBuilder();
    assertEquals(
        Map.of(),
        honoured(
            Map.of("otel.exporter.otlp.protocol", "grpc", "otel.exporter.otlp.timeout", "30s"),
            stderr));
    assertEquals(1, stderr.toString().lines().count(), stderr.toString());
    assertTrue(
        stderr
            .toString()
            .startsWith(
                "[weft] WARN otel.exporter.otlp.timeout=30s is honoured only up to 10 s with the grpc protocol"),
        stderr.toString());
  }

  /** The traces setting wins over the general one, as in the SDK; http/protobuf honours any timeout. */
  @Test
  void grpcTimeoutWarningFollowsTheSettingsInForce() {
    StringBuilder stderr = new StringBuilder();
    honoured(
        Map.of(
            "otel.exporter.otlp.protocol", "grpc",
            "otel.exporter.otlp.timeout", "30000",
            "otel.exporter.otlp.traces.timeout", "5s"),
        stderr);
    honoured(
        Map.of(
            "otel.exporter.otlp.protocol", "grpc",
            "otel.exporter.otlp.traces.protocol", "http/protobuf",
            "otel.exporter.otlp.timeout", "30s"),
        stderr);
    honoured(Map.of("otel.exporter.otlp.timeout", "30s"), stderr);
    // no OTLP exporter, and a malformed value left to the exporter to name
    honoured(
        Map.of(
            "otel.traces.exporter", "zipkin",
            "otel.exporter.otlp.protocol", "grpc",
            "otel.exporter.otlp.timeout", "30s"),
        stderr);
    honoured(
        Map.of("otel.exporter.otlp.protocol", "grpc", "otel.exporter.otlp.timeout", "soon"),
        stderr);
    assertEquals("", stderr.toString());
    // 0 is no limit
    honoured(
        Map.of("otel.exporter.otlp.protocol", "grpc", "otel.exporter.otlp.timeout", "0"), stderr);
    assertTrue(
        stderr.toString().contains("otel.exporter.otlp.timeout=0 is honoured"), stderr.toString());
    stderr.setLength(0);
    honoured(
        Map.of("otel.exporter.otlp.traces.protocol", "grpc", "otel.exporter.otlp.timeout", "30000"),
        stderr);
    assertTrue(stderr.toString().contains("otel.exporter.otlp.timeout=30000"), stderr.toString());
  }
}
