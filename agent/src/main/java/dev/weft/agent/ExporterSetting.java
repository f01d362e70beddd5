package dev.weft.agent;

import io.opentelemetry.sdk.autoconfigure.spi.ConfigProperties;
import io.opentelemetry.sdk.autoconfigure.spi.ConfigurationException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The exporter settings as far as Weft can honour them. The SDK refuses an exporter name it does not know, which
 * would leave the whole application untraced; Weft names what it leaves out in one warning and uses the rest. An
 * OTLP protocol it does not know is replaced by the default. Weft records traces only, so a metrics or logs
 * exporter is turned back to {@code none} with a warning rather than left running idle.
 */
final class ExporterSetting {

  static final String TRACES = "otel.traces.exporter";

  /**
   * The trace exporters the agent jar carries: the SDK's {@code otlp} and {@code console} ({@code logging} is its old
   * name), Weft's {@code zipkin} and {@code logging-otlp}; those of extensions come on top.
   */
  private static final List<String> SHIPPED =
      List.of("otlp", "console", "logging", "logging-otlp", "zipkin", "none");

  private static final String DEFAULT = "otlp";
  private static final String DEFAULT_PROTOCOL = "http/protobuf";

  /** What the SDK's OTLP exporter speaks: it has no {@code http/json}, and would refuse to start with it. */
  private static final List<String> OTLP_PROTOCOLS = List.of(DEFAULT_PROTOCOL, "grpc");

  /**
   * How long the gRPC sender (OkHttp) waits for the collector's answer, whatever the export timeout: the SDK sets
   * OkHttp's call and connect timeouts, not its read timeout, which stays at OkHttp's default.
   */
  private static final Duration GRPC_READ_TIMEOUT = Duration.ofSeconds(10);

  private static final List<String> NOT_RECORDED =
      List.of("otel.metrics.exporter", "otel.logs.exporter");

  private ExporterSetting() {}

  /**
   * @param extensionExporters the names of the exporters extensions provide
   * @return the overrides of the settings Weft cannot honour as given; empty when all can be
   */
  static Map<String, String> honoured(ConfigProperties config, List<String> extensionExporters) {
    Map<String, String> overrides = new HashMap<>();
    honourTraceExporters(config, extensionExporters, overrides);
    honourProtocol(config, "otel.exporter.otlp.traces.protocol", overrides);
    honourProtocol(config, "otel.exporter.otlp.protocol", overrides);
    warnOfGrpcTimeout(config, overrides);
    for (String setting : NOT_RECORDED) {
      List<String> exporters = config.getList(setting);
      if (!exporters.isEmpty() && !exporters.equals(List.of("none"))) {
        AgentLog.warn(
            setting
                + "="
                + String.join(",", exporters)
                + " has no effect: Weft records traces only (no metrics, no logs)");
        overrides.put(setting, "none");
      }
    }
    return overrides;
  }

  private static void honourTraceExporters(
      ConfigProperties config, List<String> extensionExporters, Map<String, String> overrides) {
    List<String> known = new ArrayList<>();
    List<String> unknown = new ArrayList<>();
    for (String name : config.getList(TRACES)) {
      (SHIPPED.contains(name) || extensionExporters.contains(name) ? known : unknown).add(name);
    }
    if (unknown.isEmpty()) {
      return;
    }
    String used = known.isEmpty() ? DEFAULT : String.join(",", known);
    AgentLog.warn(
        TRACES
            + " names exporters Weft does not have, which it leaves out: "
            + unknown
            + "; it uses "
            + used
            + " (Weft ships "
            + SHIPPED
            + ")");
    overrides.put(TRACES, used);
  }

  /** An export timeout longer than the gRPC sender waits for an answer is named, as it is honoured only in part. */
  private static void warnOfGrpcTimeout(ConfigProperties config, Map<String, String> overrides) {
    String protocol =
        firstSet(
            config, overrides, "otel.exporter.otlp.traces.protocol", "otel.exporter.otlp.protocol");
    if (!"grpc".equals(protocol) || !exportersInForce(config, overrides).contains(DEFAULT)) {
      return;
    }
    for (String setting :
        List.of("otel.exporter.otlp.traces.timeout", "otel.exporter.otlp.timeout")) {
      Duration timeout;
      try {
        timeout = config.getDuration(setting);
      } catch (ConfigurationException e) {
        return; // the exporter names the malformed value as it is built
      }
      if (timeout != null) {
        // 0 is no limit at all
        if (timeout.isZero() || timeout.compareTo(GRPC_READ_TIMEOUT) > 0) {
          AgentLog.warn(
              setting
                  + "="
                  + config.getString(setting)
                  + " is honoured only up to "
                  + GRPC_READ_TIMEOUT.toSeconds()
                  + " s with the grpc protocol: the gRPC sender gives up on an answer that takes"
                  + " longer; http/protobuf honours it");
        }
        return;
      }
    }
  }

  private static List<String> exportersInForce(
      ConfigProperties config, Map<String, String> overrides) {
    String overridden = overrides.get(TRACES);
    List<String> exporters =
        overridden != null ? List.of(overridden.split(",")) : config.getList(TRACES);
    return exporters.isEmpty() ? List.of(DEFAULT) : exporters;
  }

  private static String firstSet(
      ConfigProperties config, Map<String, String> overrides, String... settings) {
    for (String setting : settings) {
      String value = overrides.getOrDefault(setting, config.getString(setting));
      if (value != null) {
        return value;
      }
    }
    return null;
  }

  private static void honourProtocol(
      ConfigProperties config, String setting, Map<String, String> overrides) {
    String protocol = config.getString(setting);
    if (protocol != null && !OTLP_PROTOCOLS.contains(protocol)) {
      AgentLog.warn(
          "Invalid value for "
              + setting
              + ": "
              + protocol
              + " (expected one of "
              + OTLP_PROTOCOLS
              + "); it uses "
              + DEFAULT_PROTOCOL);
      overrides.put(setting, DEFAULT_PROTOCOL);
    }
  }
}
