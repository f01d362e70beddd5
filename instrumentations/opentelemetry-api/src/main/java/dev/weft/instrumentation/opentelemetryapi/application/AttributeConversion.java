package dev.weft.instrumentation.opentelemetryapi.application;

import dev.weft.instrumentation.opentelemetryapi.AgentAttributes;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;

/**
 * Attribute keys and attributes of the application's API as the agent's. Types are matched by the ordinal of
 * {@code AttributeType}, whose first eight constants are the same in every version; a newer type (a {@code Value})
 * is dropped.
 */
final class AttributeConversion {

  private AttributeConversion() {}

  /** The agent's key, or {@code null} when the type is not carried. */
  static Object toAgent(AttributeKey<?> key) {
    return AgentAttributes.key(key.getKey(), key.getType().ordinal());
  }

  static Object toAgent(Attributes attributes) {
    if (attributes == null || attributes.isEmpty()) {
      return AgentAttributes.empty();
    }
    Object builder = AgentAttributes.builder();
    attributes.forEach(
        (key, value) -> {
          Object agentKey = toAgent(key);
          if (agentKey != null && value != null) {
            AgentAttributes.put(builder, agentKey, value);
          }
        });
    return AgentAttributes.build(builder);
  }
}
