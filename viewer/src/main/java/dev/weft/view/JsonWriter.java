package dev.weft.view;

import java.util.List;
import java.util.Map;

/** Writes JSON into a string: objects and arrays opened and closed in order, commas placed by the writer. */
final class JsonWriter {

  private final StringBuilder out = new StringBuilder(1024);

  /** Whether the value about to be written is the first of its object or array. */
  private boolean first = true;

  JsonWriter beginObject() {
    separate();
    out.append('{');
    first = true;
    return this;
  }

  JsonWriter endObject() {
    out.append('}');
    first = false;
    return this;
  }

  JsonWriter beginArray() {
    separate();
    out.append('[');
    first = true;
    return this;
  }

  JsonWriter endArray() {
    out.append(']');
    first = false;
    return this;
  }

  /** A member name; its value follows. */
  JsonWriter name(String name) {
    separate();
    string(name);
    out.append(':');
    first = true;
    return this;
  }

  JsonWriter value(String value) {
    separate();
    string(value);
    return this;
  }

  JsonWriter value(long value) {
    separate();
    out.append(value);
    return this;
  }

  JsonWriter value(double value) {
    separate();
    if (Double.isFinite(value)) {
      out.append(value);
    } else {
      string(Double.toString(value));
    }
    return this;
  }

  JsonWriter value(boolean value) {
    separate();
    out.append(value);
    return this;
  }

  /** An attribute value: a string, number, boolean, or a list or map of those. */
  JsonWriter any(Object value) {
    if (value instanceof Map) {
      beginObject();
      for (Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) {
        name(String.valueOf(entry.getKey())).any(entry.getValue());
      }
      return endObject();
    }
    if (value instanceof List) {
      beginArray();
      for (Object element : (List<?>) value) {
        any(element);
      }
      return endArray();
    }
    if (value instanceof Boolean) {
      return value((boolean) (Boolean) value);
    }
    if (value instanceof Long) {
      return value((long) (Long) value);
    }
    if (value instanceof Double) {
      return value((double) (Double) value);
    }
    return value(String.valueOf(value));
  }

  private void separate() {
    if (!first) {
      out.append(',');
    }
    first = false;
  }

  private void string(String value) {
    out.append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"':
          out.append("\\\"");
          break;
        case '\\':
          out.append("\\\\");
          break;
        case '\n':
          out.append("\\n");
          break;
        case '\r':
          out.append("\\r");
          break;
        case '\t':
          out.append("\\t");
          break;
        default:
          // "<" too, so that no text from a span can close a script element the JSON is embedded in
          if (c < 0x20 || c == '<' || c == 0x2028 || c == 0x2029) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
      }
    }
    out.append('"');
  }

  @Override
  public String toString() {
    return out.toString();
  }
}
