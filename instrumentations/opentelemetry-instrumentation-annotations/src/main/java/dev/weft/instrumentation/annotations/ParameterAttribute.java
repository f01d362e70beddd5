package dev.weft.instrumentation.annotations;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanBuilder;

/**
 * A {@code @SpanAttribute} parameter: its position and its key, typed once from the parameter's declared type
 * (integral numbers as {@code long}, other numbers as {@code double}, booleans as booleans, anything else as its
 * string form).
 */
final class ParameterAttribute {

  private final int index;
  private final AttributeKey<?> key;

  ParameterAttribute(int index, String name, Class<?> parameterType) {
    this.index = index;
    this.key = keyFor(name, parameterType);
  }

  private static AttributeKey<?> keyFor(String name, Class<?> type) {
    if (type == long.class
        || type == int.class
        || type == short.class
        || type == byte.class
        || type == Long.class
        || type == Integer.class
        || type == Short.class
        || type == Byte.class) {
      return AttributeKey.longKey(name);
    }
    if (type == double.class
        || type == float.class
        || type == Double.class
        || type == Float.class) {
      return AttributeKey.doubleKey(name);
    }
    if (type == boolean.class || type == Boolean.class) {
      return AttributeKey.booleanKey(name);
    }
    return AttributeKey.stringKey(name);
  }

  /** Sets the attribute from the call's arguments; a {@code null} argument sets none. */
  @SuppressWarnings("unchecked")
  void addTo(SpanBuilder span, Object[] arguments) {
    Object value = index < arguments.length ? arguments[index] : null;
    if (value == null) {
      return;
    }
    switch (key.getType()) {
      case LONG:
        span.setAttribute((AttributeKey<Long>) key, ((Number) value).longValue());
        break;
      case DOUBLE:
        span.setAttribute((AttributeKey<Double>) key, ((Number) value).doubleValue());
        break;
      case BOOLEAN:
        span.setAttribute((AttributeKey<Boolean>) key, (Boolean) value);
        break;
      default:
        span.setAttribute((AttributeKey<String>) key, value.toString());
    }
  }

  String name() {
    return key.getKey();
  }
}
