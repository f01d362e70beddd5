package dev.weft.otlp;

import static dev.weft.otlp.ProtobufOutput.FIXED64;
import static dev.weft.otlp.ProtobufOutput.VARINT;
import static dev.weft.otlp.ProtobufOutput.tag;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.KeyValue;
import io.opentelemetry.api.common.Value;
import io.opentelemetry.api.internal.InternalAttributeKeyImpl;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * Writes attributes as repeated OTLP {@code KeyValue} messages ({@code key} 1, {@code value} 2, an {@code AnyValue}:
 * {@code string_value} 1, {@code bool_value} 2, {@code int_value} 3, {@code double_value} 4, {@code array_value} 5,
 * {@code kvlist_value} 6, {@code bytes_value} 7), with the SDK's choices: an empty key is left out, a value is
 * written even when it is the default. Keys made by the API carry their UTF-8 bytes, which are copied.
 *
 * <p>One instance per marshaler: it is the {@code forEach} callback of {@link Attributes}, so no object is made per
 * attribute.
 */
final class AttributeEncoder implements BiConsumer<AttributeKey<?>, Object> {

  private static final int KEY = 1;
  private static final int VALUE = 2;
  private static final int STRING_VALUE = 1;
  private static final int BOOL_VALUE = 2;
  private static final int INT_VALUE = 3;
  private static final int DOUBLE_VALUE = 4;
  private static final int ARRAY_VALUE = 5;
  private static final int KVLIST_VALUE = 6;
  private static final int BYTES_VALUE = 7;

  /** {@code ArrayValue.values} and {@code KeyValueList.values} */
  private static final int VALUES = 1;

  private final ProtobufOutput out;
  private int field;

  AttributeEncoder(ProtobufOutput out) {
    this.out = out;
  }

  /** Writes {@code attributes} as the repeated field {@code field}. */
  void write(int field, Attributes attributes) {
    if (!attributes.isEmpty()) {
      this.field = field;
      attributes.forEach(this);
    }
  }

  @Override
  public void accept(AttributeKey<?> key, Object value) {
    int keyValue = out.startLengthDelimited(field, 1);
    if (key instanceof InternalAttributeKeyImpl) {
      byte[] utf8 = ((InternalAttributeKeyImpl<?>) key).getKeyUtf8();
      if (utf8.length > 0) {
        out.bytesField(KEY, utf8);
      }
    } else if (!key.getKey().isEmpty()) {
      out.stringField(KEY, key.getKey());
    }
    int anyValue = out.startLengthDelimited(VALUE, 1);
    switch (key.getType()) {
      case STRING:
        out.stringField(STRING_VALUE, (String) value);
        break;
      case BOOLEAN:
        bool((Boolean) value);
        break;
      case LONG:
        int64((Long) value);
        break;
      case DOUBLE:
        float64((Double) value);
        break;
      case STRING_ARRAY:
      case BOOLEAN_ARRAY:
      case LONG_ARRAY:
      case DOUBLE_ARRAY:
        array((List<?>) value);
        break;
      case VALUE:
        anyValueContent((Value<?>) value);
        break;
    }
    out.endLengthDelimited(anyValue);
    out.endLengthDelimited(keyValue);
  }

  private void bool(boolean value) {
    out.varint(tag(BOOL_VALUE, VARINT));
    out.varint(value ? 1 : 0);
  }

  private void int64(long value) {
    out.varint(tag(INT_VALUE, VARINT));
    out.varint(value);
  }

  private void float64(double value) {
    out.varint(tag(DOUBLE_VALUE, FIXED64));
    out.fixed64(Double.doubleToRawLongBits(value));
  }

  /** An attribute array: each element an {@code AnyValue} of its type. */
  private void array(List<?> values) {
    int array = out.startLengthDelimited(ARRAY_VALUE, 1);
    for (int i = 0; i < values.size(); i++) {
      int element = out.startLengthDelimited(VALUES, 1);
      Object value = values.get(i);
      if (value instanceof String) {
        out.stringField(STRING_VALUE, (String) value);
      } else if (value instanceof Long) {
        int64((Long) value);
      } else if (value instanceof Boolean) {
        bool((Boolean) value);
      } else if (value instanceof Double) {
        float64((Double) value);
      }
      out.endLengthDelimited(element);
    }
    out.endLengthDelimited(array);
  }

  /** The fields of the {@code AnyValue} an API {@link Value} is (an empty one has none). */
  @SuppressWarnings("unchecked")
  private void anyValueContent(Value<?> value) {
    switch (value.getType()) {
      case STRING:
        out.stringField(STRING_VALUE, (String) value.getValue());
        break;
      case BOOLEAN:
        bool((Boolean) value.getValue());
        break;
      case LONG:
        int64((Long) value.getValue());
        break;
      case DOUBLE:
        float64((Double) value.getValue());
        break;
      case ARRAY:
        int array = out.startLengthDelimited(ARRAY_VALUE, 1);
        for (Value<?> element : (List<Value<?>>) value.getValue()) {
          int any = out.startLengthDelimited(VALUES, 1);
          anyValueContent(element);
          out.endLengthDelimited(any);
        }
        out.endLengthDelimited(array);
        break;
      case KEY_VALUE_LIST:
        int list = out.startLengthDelimited(KVLIST_VALUE, 1);
        for (KeyValue keyValue : (List<KeyValue>) value.getValue()) {
          int entry = out.startLengthDelimited(VALUES, 1);
          if (!keyValue.getKey().isEmpty()) {
            out.stringField(KEY, keyValue.getKey());
          }
          int any = out.startLengthDelimited(VALUE, 1);
          anyValueContent(keyValue.getValue());
          out.endLengthDelimited(any);
          out.endLengthDelimited(entry);
        }
        out.endLengthDelimited(list);
        break;
      case BYTES:
        // a duplicate: reading it must not use up the value's own buffer
        ByteBuffer buffer = ((ByteBuffer) value.getValue()).duplicate();
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        out.bytesField(BYTES_VALUE, bytes);
        break;
      case EMPTY:
        break;
    }
  }
}
