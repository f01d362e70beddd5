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
}
