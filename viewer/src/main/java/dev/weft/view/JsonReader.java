package dev.weft.view;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A strict JSON (RFC 8259) parser into plain values: {@code Map<String, Object>} (keys in order), {@code List},
 * {@code String}, {@code Long} (integers that fit), {@code Double}, {@code Boolean} and {@code null}. Nesting deeper
 * than {@value #MAX_DEPTH} is refused, so a hostile body cannot overflow the stack.
 */
final class JsonReader {

  static final int MAX_DEPTH = 64;

  private final String text;
  private int position;

  private JsonReader(String text) {
    this.text = text;
  }

  static Object parse(String text) throws MalformedInputException {
    JsonReader reader = new JsonReader(text);
    Object value = reader.value(0);
    reader.whitespace();
    if (reader.position != text.length()) {
      throw reader.error("text after the value");
    }
    return value;
  }

  private Object value(int depth) throws MalformedInputException {
    if (depth > MAX_DEPTH) {
      throw error("nested deeper than " + MAX_DEPTH);
    }
    whitespace();
    if (position >= text.length()) {
      throw error("a value expected");
    }
    char c = text.charAt(position);
    switch (c) {
      case '{':
        return object(depth);
      case '[':
        return array(depth);
      case '"':
        return string();
      case 't':
        return literal("true", Boolean.TRUE);
      case 'f':
        return literal("false", Boolean.FALSE);
      case 'n':
        return literal("null", null);
      default:
        if (c == '-' || c >= '0' && c <= '9') {
          return number();
        }
        throw error("unexpected '" + c + "'");
    }
  }

  private Map<String, Object> object(int depth) throws MalformedInputException {
    Map<String, Object> object = new LinkedHashMap<>();
    position++;
    whitespace();
    if (peek() == '}') {
      position++;
      return object;
    }
    while (true) {
      whitespace();
      if (peek() != '"') {
        throw error("a member name expected");
      }
      String key = string();
      whitespace();
      expect(':');
      object.put(key, value(depth + 1));
      whitespace();
      if (peek() == ',') {
        position++;
      } else {
        expect('}');
        return object;
      }
    }
  }

  private List<Object> array(int depth) throws MalformedInputException {
    List<Object> array = new ArrayList<>();
    position++;
    whitespace();
    if (peek() == ']') {
      position++;
      return array;
    }
    while (true) {
      array.add(value(depth + 1));
      whitespace();
      if (peek() == ',') {
        position++;
      } else {
        expect(']');
        return array;
      }
    }
  }

  private String string() throws MalformedInputException {
    position++; // the opening quote
    StringBuilder value = new StringBuilder();
    while (true) {
      if (position >= text.length()) {
        throw error("unterminated string");
      }
      char c = text.charAt(position++);
      if (c == '"') {
        return value.toString();
      }
      if (c < 0x20) {
        throw error("control character in a string");
      }
      if (c != '\\') {
        value.append(c);
        continue;
      }
      if (position >= text.length()) {
        throw error("unterminated escape");
      }
      char escaped = text.charAt(position++);
      switch (escaped) {
        case '"':
        case '\\':
        case '/':
          value.append(escaped);
          break;
        case 'b':
          value.append('\b');
          break;
        case 'f':
          value.append('\f');
          break;
        case 'n':
          value.append('\n');
          break;
        case 'r':
          value.append('\r');
          break;
        case 't':
          value.append('\t');
          break;
        case 'u':
          if (position + 4 > text.length()) {
            throw error("truncated \\u escape");
          }
          try {
            value.append((char) Integer.parseInt(text.substring(position, position + 4), 16));
          } catch (NumberFormatException e) {
            throw error("invalid \\u escape");
          }
          position += 4;
          break;
        default:
          throw error("invalid escape \\" + escaped);
      }
    }
  }

  private Object number() throws MalformedInputException {
    int start = position;
    if (peek() == '-') {
      position++;
    }
    int digits = digits();
    if (digits == 0 || digits > 1 && text.charAt(position - digits) == '0') {
      throw error("invalid number");
    }
    boolean integral = true;
    if (peek() == '.') {
      position++;
      integral = false;
      if (digits() == 0) {
        throw error("invalid number");
      }
    }
    if (peek() == 'e' || peek() == 'E') {
      position++;
      integral = false;
      if (peek() == '+' || peek() == '-') {
        position++;
      }
      if (digits() == 0) {
        throw error("invalid number");
      }
    }
    String number = text.substring(start, position);
    if (integral) {
      try {
        return Long.parseLong(number);
      } catch (NumberFormatException tooLarge) {
        // falls through to a double
      }
    }
    return Double.parseDouble(number);
  }

  private int digits() {
    int start = position;
    while (position < text.length()
        && text.charAt(position) >= '0'
        && text.charAt(position) <= '9') {
      position++;
    }
    return position - start;
  }

  private Object literal(String word, Object value) throws MalformedInputException {
    if (!text.startsWith(word, position)) {
      throw error("invalid literal");
    }
    position += word.length();
    return value;
  }

  private void expect(char c) throws MalformedInputException {
    if (peek() != c) {
      throw error("'" + c + "' expected");
    }
    position++;
  }

  private char peek() {
    return position < text.length() ? text.charAt(position) : '\0';
  }

  private void whitespace() {
    while (position < text.length()) {
      char c = text.charAt(position);
      if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
        return;
      }
      position++;
    }
  }

  private MalformedInputException error(String what) {
    return new MalformedInputException("invalid JSON at offset " + position + ": " + what);
  }
}
