package dev.weft.agent;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * No silent settings: the {@code otel.javaagent.*} and {@code otel.instrumentation.*} settings (system properties
 * and {@code OTEL_*} environment variables) that Weft does not have, and the settings it knows but cannot honour,
 * each named in one warning. The SDK's own settings ({@code otel.exporter.*}, {@code otel.traces.*}, ...) are the
 * SDK's to judge; the exporter and propagator lists are checked where the SDK reads them ({@link ExporterSetting},
 * {@link PropagatorSetting}). One pass over the system properties and the environment, at start-up, off premain.
 *
 * <p>Names are compared in a normal form (lower case, {@code -} and {@code _} as {@code .}), since an environment
 * variable does not say which of its underscores were dashes.
 */
final class SettingsCheck {

  private static final String AGENT = "otel.javaagent.";
  private static final String INSTRUMENTATION = "otel.instrumentation.";
  private static final String ENABLED = ".enabled";
  private static final String CONFIG_FILE = "otel.config.file";

  /** The {@code otel.javaagent.*} settings Weft has. */
  private static final List<String> AGENT_SETTINGS =
      List.of(
          "otel.javaagent.enabled",
          "otel.javaagent.debug",
          "otel.javaagent.extensions",
          "otel.javaagent.exporter.max-concurrent-exports",
          AdviceInlining.SETTING);

  /** The {@code otel.instrumentation.*} settings Weft reads that are not under one module's name. */
  private static final List<String> SHARED_INSTRUMENTATION_SETTINGS =
      List.of(
          "otel.instrumentation.common.default-enabled",
          "otel.instrumentation.common.db-statement-sanitizer.enabled",
          "otel.instrumentation.http.sensitive-query-parameters",
          "otel.instrumentation.spring-kafka.enabled");

  /**
   * Settings of the OpenTelemetry SDK or agent that Weft knows but cannot honour, with what happens instead. ({@code
   * otel.config.file} is honoured: {@link FileConfiguration}.)
   */
  private static final Map<String, String> NOT_HONOURED =
      Map.of(
          "otel.experimental.config.file",
          " has no effect: it is the old name of otel.config.file, which Weft reads (as the SDK does)");

  private SettingsCheck() {}

  /** Warns of each setting of the JVM's that Weft does not have. */
  static void warnOfUnknownSettings(Collection<String> moduleNames) {
    warnings(System.getProperties(), System.getenv(), moduleNames).forEach(AgentLog::warn);
  }

  static List<String> warnings(
      Properties properties, Map<String, String> environment, Collection<String> moduleNames) {
    List<String> modules = new ArrayList<>();
    moduleNames.forEach(name -> modules.add(normal(name)));
    List<String> warnings = new ArrayList<>();
    boolean configFile =
        ConfigFileSetting.namesFile(properties.getProperty(CONFIG_FILE))
            || ConfigFileSetting.namesFile(environment.get("OTEL_CONFIG_FILE"));
    List<String> ignoredBesideFile = new ArrayList<>();
    for (String name : properties.stringPropertyNames()) {
      if (name.startsWith("otel.")) {
        check(name, modules, moduleNames, warnings);
        if (configFile && isSdkSetting(name)) {
          ignoredBesideFile.add(name);
        }
      }
    }
    for (String name : environment.keySet()) {
      // a system property of the same name wins, and was checked
      if (name.startsWith("OTEL_")
          && !properties.containsKey(name.toLowerCase(Locale.ROOT).replace('_', '.'))) {
        // not named beside a file: the file may use it, as ${OTEL_...} substitution
        check(name, modules, moduleNames, warnings);
      }
    }
    if (!ignoredBesideFile.isEmpty()) {
      ignoredBesideFile.sort(null);
      warnings.add(
          String.join(", ", ignoredBesideFile)
              + (ignoredBesideFile.size() == 1 ? " has" : " have")
              + " no effect: "
              + CONFIG_FILE
              + " configures the SDK (as in the OpenTelemetry agent); set "
              + (ignoredBesideFile.size() == 1 ? "it" : "them")
              + " in the file");
    }
    return warnings;
  }

  /**
   * A setting the SDK's autoconfigure reads, which a configuration file replaces: not Weft's own ({@code
   * otel.javaagent.*}, {@code otel.instrumentation.*}) and not the file's name.
   */
  private static boolean isSdkSetting(String name) {
    String setting = normal(name);
    return !setting.startsWith(AGENT)
        && !setting.startsWith(INSTRUMENTATION)
        && !setting.equals(normal(CONFIG_FILE))
        && !NOT_HONOURED.containsKey(setting);
  }

  private static void check(
      String name, List<String> modules, Collection<String> moduleNames, List<String> warnings) {
    String setting = normal(name);
    for (Map.Entry<String, String> notHonoured : NOT_HONOURED.entrySet()) {
      if (normal(notHonoured.getKey()).equals(setting)) {
        warnings.add(name + notHonoured.getValue());
        return;
      }
    }
    if (setting.startsWith(AGENT) && !isOneOf(setting, AGENT_SETTINGS)) {
      warnings.add(name + " is not a setting of Weft's and has no effect");
    } else if (setting.startsWith(INSTRUMENTATION)
        && !isOneOf(setting, SHARED_INSTRUMENTATION_SETTINGS)) {
      String rest = setting.substring(INSTRUMENTATION.length());
      String module = moduleOf(rest, modules);
      if (module == null && rest.endsWith(ENABLED)) {
        warnings.add(
            name
                + " has no effect: Weft has no instrumentation of that name (it has "
                + String.join(", ", moduleNames)
                + ")");
      } else if (module == null) {
        warnings.add(name + " is not a setting of Weft's and has no effect");
      }
    }
  }

  /** @return the module whose name {@code rest} begins with, in normal form; null when none */
  private static String moduleOf(String rest, List<String> modules) {
    for (String module : modules) {
      if (rest.startsWith(module + ".")) {
        return module;
      }
    }
    return null;
  }

  private static boolean isOneOf(String setting, List<String> names) {
    for (String name : names) {
      if (normal(name).equals(setting)) {
        return true;
      }
    }
    return false;
  }

  static String normal(String name) {
    return name.toLowerCase(Locale.ROOT).replace('_', '.').replace('-', '.');
  }
}
