package dev.weft.instrumentation.api;

import dev.weft.bootstrap.Settings;
import java.util.ArrayList;
import java.util.List;

/**
 * The settings a module reads, by their OpenTelemetry names ({@code otel.instrumentation.<name>.<setting>}), as
 * system properties or environment variables. Read them once, into a static field of the module's class, never on
 * an instrumented call.
 */
public final class InstrumentationConfig {

  private InstrumentationConfig() {}

  /**
   * Whether an instrumentation is on: {@code otel.instrumentation.<name>.enabled}, which defaults to
   * {@code otel.instrumentation.common.default-enabled} (true), as in the OpenTelemetry agent.
   */
  public static boolean isEnabled(String instrumentationName) {
    return getBoolean(
        "otel.instrumentation." + instrumentationName + ".enabled",
        getBoolean("otel.instrumentation.common.default-enabled", true));
  }

  /** The setting's value, or null when it is not set. */
  public static String getString(String name) {
    return Settings.getString(name);
  }

  public static boolean getBoolean(String name, boolean defaultValue) {
    return Settings.getBoolean(name, defaultValue);
  }

  /** A comma-separated list, each entry trimmed, empty entries left out; empty when the setting is not set. */
  public static List<String> getList(String name) {
    String value = Settings.getString(name);
    List<String> entries = new ArrayList<>();
    if (value != null) {
      for (String entry : value.split(",")) {
        if (!entry.isBlank()) {
          entries.add(entry.trim());
        }
      }
    }
    return entries;
  }
}
