package dev.weft.benchmarks.harness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.jar.JarFile;

/**
 * The configurations measured: the three compared (no agent, Weft, and the OpenTelemetry Java agent), and two of
 * Weft that split its cost for the breakdown: its instrumentation alone (every span unsampled), and spans recorded
 * but never exported.
 */
enum Agent {
  NONE("no agent", null),
  WEFT("Weft", Paths.get("agent/target/weft-agent.jar")),
  OPENTELEMETRY("OpenTelemetry agent", Paths.get("benchmarks/target/opentelemetry-javaagent.jar")),
  WEFT_UNSAMPLED(
      "Weft, sampler always_off",
      Paths.get("agent/target/weft-agent.jar"),
      "otel.traces.sampler",
      "always_off"),
  /**
   * Every span recorded and ended, none exported: the export queue holds one span, and the collector refuses
   * connections, so the few exports tried fail at once and retry after a back-off while every other span is dropped
   * at the full queue. ({@code otel.traces.exporter=none} would not do: without a span processor the SDK hands out
   * its no-op tracer, and no span is even recorded.)
   */
  WEFT_NOT_EXPORTED(
      "Weft, spans not exported",
      Paths.get("agent/target/weft-agent.jar"),
      "otel.exporter.otlp.endpoint",
      "http://127.0.0.1:9",
      "otel.bsp.max.queue.size",
      "1",
      "otel.bsp.max.export.batch.size",
      "1");

  /** The configurations of the overhead table and the start-up and JMH comparisons. */
  static final Agent[] COMPARED = {NONE, WEFT, OPENTELEMETRY};

  /** The configurations of the breakdown, from nothing to everything Weft does. */
  static final Agent[] BREAKDOWN = {NONE, WEFT_UNSAMPLED, WEFT_NOT_EXPORTED, WEFT};

  final String label;

  /** Where the build writes the agent jar; {@code null} for no agent. */
  private final Path built;

  /** The copy of it that the run measures; {@code null} for no agent. */
  final Path jar;

  /** Settings of this configuration, over those every run passes. */
  private final Map<String, String> ownSettings = new LinkedHashMap<>();

  Agent(String label, Path built, String... ownSettings) {
    this.label = label;
    this.built = built;
    this.jar = built == null ? null : Artifacts.WORK_DIRECTORY.resolve(built.getFileName());
    for (int i = 0; i < ownSettings.length; i += 2) {
      this.ownSettings.put(ownSettings[i], ownSettings[i + 1]);
    }
  }

  /** Whether this configuration only serves the breakdown (it exports nothing: no spans to count). */
  boolean breakdownOnly() {
    return !ownSettings.isEmpty();
  }

  /**
   * Copies the built agent jars into the run's directory, so that the whole run measures one build of each even
   * when the working tree is rebuilt meanwhile.
   */
  static void copyJars() throws IOException {
    for (Agent agent : COMPARED) {
      if (agent.built != null) {
        Files.copy(agent.built, agent.jar, StandardCopyOption.REPLACE_EXISTING);
      }
    }
  }

  /**
   * The same settings for both agents: OTLP http/protobuf to {@code endpoint}, traces only (the OpenTelemetry
   * agent would otherwise export metrics and logs too); each agent's own batch span processor defaults, as users
   * get them.
   */
  static Map<String, String> exportingTo(String endpoint) {
    Map<String, String> settings = new LinkedHashMap<>();
    settings.put("otel.service.name", "weft-benchmark");
    settings.put("otel.exporter.otlp.endpoint", endpoint);
    settings.put("otel.exporter.otlp.protocol", "http/protobuf");
    settings.put("otel.metrics.exporter", "none");
    settings.put("otel.logs.exporter", "none");
    return settings;
  }

  /** For the micro-benchmarks, which make no spans worth exporting. */
  static Map<String, String> exportingNothing() {
    Map<String, String> settings = new LinkedHashMap<>();
    settings.put("otel.traces.exporter", "none");
    settings.put("otel.metrics.exporter", "none");
    settings.put("otel.logs.exporter", "none");
    return settings;
  }

  /** The JVM options that attach this agent with {@code settings}; none at all for no agent. */
  List<String> jvmOptions(Map<String, String> settings) {
    List<String> options = new ArrayList<>();
    if (jar != null) {
      options.add("-javaagent:" + jar.toAbsolutePath());
      Map<String, String> all = new LinkedHashMap<>(settings);
      all.putAll(ownSettings);
      all.forEach((name, value) -> options.add("-D" + name + "=" + value));
    }
    return options;
  }

  /** The {@code Implementation-Version} in the agent jar's manifest. */
  String version() throws IOException {
    try (JarFile agent = new JarFile(jar.toFile())) {
      return agent.getManifest().getMainAttributes().getValue("Implementation-Version");
    }
  }

  /** A short name for file names. */
  String id() {
    return name().toLowerCase(Locale.ROOT);
  }
}
