package dev.weft.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class SettingsCheckTest {

  private static final List<String> MODULES =
      List.of("servlet", "spring-webmvc", "kafka", "jakarta.servlet");

  private static List<String> warnings(
      Map<String, String> properties, Map<String, String> environment) {
    Properties system = new Properties();
    system.putAll(properties);
    return SettingsCheck.warnings(system, environment, MODULES);
  }

  @Test
  void knownSettingsPassSilently() {
    assertEquals(
        List.of(),
        warnings(
            Map.of(
                "otel.instrumentation.servlet.enabled", "false",
                "otel.instrumentation.jakarta.servlet.enabled", "false",
                "otel.instrumentation.kafka.poll-spans.enabled", "true",
                "otel.instrumentation.common.default-enabled", "false",
                "otel.instrumentation.spring-kafka.enabled", "false",
                "otel.javaagent.debug", "true",
                "otel.javaagent.extensions", "/opt/ext.jar",
                "otel.service.name", "shop",
                "java.home", "/jdk"),
            Map.of(
                "OTEL_INSTRUMENTATION_SPRING_WEBMVC_ENABLED", "false",
                "OTEL_INSTRUMENTATION_HTTP_SENSITIVE_QUERY_PARAMETERS", "token",
                "OTEL_EXPORTER_OTLP_ENDPOINT", "http://collector:4318",
                "PATH", "/bin")));
  }

  @Test
  void unknownInstrumentationNameIsNamed() {
    assertEquals(
        List.of(
            "otel.instrumentation.jedis.enabled has no effect: Weft has no instrumentation of that name"
                + " (it has servlet, spring-webmvc, kafka, jakarta.servlet)"),
        warnings(Map.of("otel.instrumentation.jedis.enabled", "false"), Map.of()));
    assertEquals(
        1,
        warnings(Map.of(), Map.of("OTEL_INSTRUMENTATION_SPRING_WEBFLUX_ENABLED", "false")).size());
  }

  @Test
  void unknownAgentAndInstrumentationSettingsAreNamed() {
    assertEquals(
        List.of("otel.javaagent.configuration-file is not a setting of Weft's and has no effect"),
        warnings(Map.of("otel.javaagent.configuration-file", "/etc/otel.properties"), Map.of()));
    assertEquals(
        List.of(
            "OTEL_INSTRUMENTATION_HTTP_SERVER_CAPTURE_REQUEST_HEADERS is not a setting of Weft's"
                + " and has no effect"),
        warnings(
            Map.of(), Map.of("OTEL_INSTRUMENTATION_HTTP_SERVER_CAPTURE_REQUEST_HEADERS", "x-id")));
  }

  @Test
  void declarativeConfigurationIsASettingOfWefts() {
    assertEquals(List.of(), warnings(Map.of(), Map.of("OTEL_CONFIG_FILE", "/etc/otel.yaml")));
    assertEquals(List.of(), warnings(Map.of("otel.config.file", "/etc/otel.yaml"), Map.of()));
    assertEquals(
        List.of(),
        warnings(Map.of("otel.config.file", " ", "otel.traces.sampler", "always_on"), Map.of()),
        "a blank file name is no file: the settings apply");
    List<String> oldName =
        warnings(Map.of("otel.experimental.config.file", "/etc/otel.yaml"), Map.of());
    assertEquals(1, oldName.size());
    assertTrue(oldName.get(0).contains("old name of otel.config.file"), oldName.get(0));
  }

  @Test
  void besideAConfigurationFileTheSdkSystemPropertiesAreNamedButNotTheEnvironmentTheFileMayUse() {
    assertEquals(
        List.of(
            "otel.exporter.otlp.endpoint has no effect: otel.config.file configures"
                + " the SDK (as in the OpenTelemetry agent); set it in the file"),
        warnings(
            Map.of(
                "otel.exporter.otlp.endpoint", "http://collector:4318",
                "otel.javaagent.debug", "true",
                "otel.instrumentation.kafka.enabled", "false"),
            Map.of("OTEL_CONFIG_FILE", "/etc/otel.yaml", "OTEL_TRACES_SAMPLER", "always_on")));
  }

  @Test
  void aSettingGivenTwiceIsNamedOnce() {
    assertEquals(
        1,
        warnings(
                Map.of("otel.instrumentation.jedis.enabled", "false"),
                Map.of("OTEL_INSTRUMENTATION_JEDIS_ENABLED", "false"))
            .size());
  }
}
