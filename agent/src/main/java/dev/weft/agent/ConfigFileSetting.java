package dev.weft.agent;

/**
 * Whether {@code otel.config.file} names a file: a blank value does not, and the {@code otel.*} settings apply. Apart
 * from {@link FileConfiguration}, which must not be loaded before the declarative-configuration classes it links to
 * are revealed.
 */
final class ConfigFileSetting {

  private ConfigFileSetting() {}

  static boolean namesFile(String value) {
    return value != null && !value.isBlank();
  }
}
