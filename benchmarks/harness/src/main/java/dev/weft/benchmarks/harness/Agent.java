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

/** The three configurations compared: no agent, Weft, and the OpenTelemetry Java agent. */
enum Agent {
  NONE("no agent", null),
  WEFT("Weft", Paths.get("agent/target/weft-agent.jar")),
  OPENTELEMETRY("OpenTelemetry agent", Paths.get("benchmarks/target/opentelemetry-javaagent.jar"));

  final String label;
  /** Where the build writes the agent jar; {@code null} for no agent. */
  private final Path built;
  /** The copy of it that the run measures; {@code null} for no agent. */
  final Path jar;

  Agent(String label, Path built) {
    this.label = label;
    this.built = built;
    this.jar = built == null ? null : Artifacts.WORK_DIRECTORY.resolve(built.getFileName());
  }

  /**
   * Copies the built agent jars into the run's directory, so that the whole run measures one build of each even
   * when the working tree is rebuilt meanwhile.
   */
  static void copyJars() throws IOException {
    for (Agent agent : values()) {
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
      settings.forEach((name, value) -> options.add("-D" + name + "=" + value));
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
