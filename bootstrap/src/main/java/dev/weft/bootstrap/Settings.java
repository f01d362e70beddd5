package dev.weft.bootstrap;

/**
 * Reads a setting before the SDK's configuration exists: the system property, else the environment variable of
 * the same name in upper case with dots and dashes as underscores ({@code otel.javaagent.debug} and
 * {@code OTEL_JAVAAGENT_DEBUG}), as the OpenTelemetry SDK does.
 */
public final class Settings {

  private Settings() {}

  /** The setting's value, or {@code null} when it is not set. */
  public static String getString(String name) {
    String value = System.getProperty(name);
    return value != null
        ? value
        : System.getenv(
            name.toUpperCase(java.util.Locale.ROOT).replace('.', '_').replace('-', '_'));
  }

  public static boolean getBoolean(String name, boolean defaultValue) {
    String value = getString(name);
    return value == null || value.isBlank() ? defaultValue : Boolean.parseBoolean(value.trim());
  }
}
