package dev.weft.instrumentation.opentelemetryapi;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;

/** The agent's attribute keys and attributes, built from the application's: handles typed {@code Object}. */
public final class AgentAttributes {

  private AgentAttributes() {}

  /**
   * The agent's key of this name and type, or {@code null} for a type the bridge does not carry.
   *
   * @param type the ordinal of the application's {@code AttributeType}: STRING, BOOLEAN, LONG, DOUBLE and their
   *     arrays, in that order in every API version
   */
  public static Object key(String name, int type) {
    switch (type) {
      case 0:
        return AttributeKey.stringKey(name);
      case 1:
        return AttributeKey.booleanKey(name);
      case 2:
        return AttributeKey.longKey(name);
      case 3:
        return AttributeKey.doubleKey(name);
      case 4:
        return AttributeKey.stringArrayKey(name);
      case 5:
        return AttributeKey.booleanArrayKey(name);
      case 6:
        return AttributeKey.longArrayKey(name);
      case 7:
        return AttributeKey.doubleArrayKey(name);
      default:
        return null;
    }
  }

  public static Object empty() {
    return Attributes.empty();
  }

  public static Object builder() {
    return Attributes.builder();
  }

  /** @param key from {@link #key}; the value is the application's, of the key's type (strings, boxes, lists) */
  @SuppressWarnings("unchecked")
  public static void put(Object builder, Object key, Object value) {
    ((AttributesBuilder) builder).put((AttributeKey<Object>) key, value);
  }

  public static Object build(Object builder) {
    return ((AttributesBuilder) builder).build();
  }
}
