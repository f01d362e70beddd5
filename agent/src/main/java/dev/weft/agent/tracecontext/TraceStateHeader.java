package dev.weft.agent.tracecontext;

import io.opentelemetry.api.trace.TraceState;
import java.util.ArrayList;
import java.util.List;

/** The {@code tracestate} header of W3C Trace Context Level 2: read and written, with the specification's limits. */
public final class TraceStateHeader {

  static final int MAX_MEMBERS = 32;
  static final int MAX_KEY_LENGTH = 256;
  static final int MAX_VALUE_LENGTH = 256;

  /** The combined length every participant should propagate; Weft writes at most this many characters. */
  static final int MAX_HEADER_LENGTH = 512;

  /** Entries longer than this are the first to go when the header is truncated. */
  static final int LARGE_ENTRY_LENGTH = 128;

  private TraceStateHeader() {}

  /**
   * @param header the {@code tracestate} header, its repetitions joined with commas
   * @return its members, or null when the header is invalid and discarded whole: a member that is not
   *     {@code key=value} by the grammar, or more than 32 members
   */
  public static Level2TraceState parse(String header) {
    List<String> entries = new ArrayList<>(8); // key, value, key, value, ...
    int members = 0;
    int length = header.length();
    int start = 0;
    while (start <= length) {
      int end = header.indexOf(',', start);
      if (end < 0) {
        end = length;
      }
      int from = start;
      int to = end;
      while (from < to && isOptionalWhitespace(header.charAt(from))) {
        from++;
      }
      while (to > from && isOptionalWhitespace(header.charAt(to - 1))) {
        to--;
      }
      if (from < to) { // empty and whitespace-only members are allowed, and skipped
        int equals = header.indexOf('=', from);
        if (equals < 0 || equals >= to || ++members > MAX_MEMBERS) {
          return null;
        }
        String key = header.substring(from, equals);
        String value = header.substring(equals + 1, to);
        if (!isValidKey(key) || !isValidValue(value)) {
          return null;
        }
        if (indexOfKey(entries, key) < 0) { // of duplicated keys, the first (the most recent) stays
          entries.add(key);
          entries.add(value);
        }
      }
      start = end + 1;
    }
    return new Level2TraceState(entries);
  }

  /**
   * @return the header for {@code state}, truncated to 512 characters by whole entries (those longer than 128
   *     characters first, then from the right); null when nothing is left to send
   */
  public static String format(TraceState state) {
    if (state instanceof Level2TraceState) {
      return ((Level2TraceState) state).header();
    }
    if (state.isEmpty()) { // what nearly every span has: no list to build
      return null;
    }
    List<String> entries = new ArrayList<>(state.size() * 2);
    state.forEach(
        (key, value) -> {
          entries.add(key);
          entries.add(value);
        });
    return format(entries);
  }

  static String format(List<String> entries) {
    int count = entries.size() / 2;
    if (count == 0) {
      return null;
    }
    int[] lengths = new int[count];
    int total = count - 1; // the commas
    for (int i = 0; i < count; i++) {
      lengths[i] = entries.get(2 * i).length() + 1 + entries.get(2 * i + 1).length();
      total += lengths[i];
    }
    boolean[] dropped = new boolean[count];
    int kept = count;
    for (int i = count - 1; i >= 0 && total > MAX_HEADER_LENGTH; i--) {
      if (lengths[i] > LARGE_ENTRY_LENGTH) {
        dropped[i] = true;
        total -= lengths[i] + 1;
        kept--;
      }
    }
    for (int i = count - 1; i >= 0 && total > MAX_HEADER_LENGTH; i--) {
      if (!dropped[i]) {
        dropped[i] = true;
        total -= lengths[i] + 1;
        kept--;
      }
    }
    if (kept == 0) {
      return null;
    }
    StringBuilder header = new StringBuilder(total);
    for (int i = 0; i < count; i++) {
      if (!dropped[i]) {
        if (header.length() > 0) {
          header.append(',');
        }
        header.append(entries.get(2 * i)).append('=').append(entries.get(2 * i + 1));
      }
    }
    return header.toString();
  }

  /** {@code key = ( lcalpha / DIGIT ) 0*255 ( lcalpha / DIGIT / "_" / "-" / "*" / "/" / "@" )} */
  static boolean isValidKey(String key) {
    int length = key.length();
    if (length == 0 || length > MAX_KEY_LENGTH || !isLowercaseLetterOrDigit(key.charAt(0))) {
      return false;
    }
    for (int i = 1; i < length; i++) {
      char c = key.charAt(i);
      if (!isLowercaseLetterOrDigit(c)
          && c != '_'
          && c != '-'
          && c != '*'
          && c != '/'
          && c != '@') {
        return false;
      }
    }
    return true;
  }

  /**
   * {@code value = 0*255(chr) nblk-chr}: 1 to 256 printable ASCII characters but {@code ,} and {@code =}, the last not
   * a space.
   */
  static boolean isValidValue(String value) {
    int length = value.length();
    if (length == 0 || length > MAX_VALUE_LENGTH || value.charAt(length - 1) == ' ') {
      return false;
    }
    for (int i = 0; i < length; i++) {
      char c = value.charAt(i);
      if (c < 0x20 || c > 0x7e || c == ',' || c == '=') {
        return false;
      }
    }
    return true;
  }

  static int indexOfKey(List<String> entries, String key) {
    for (int i = 0; i < entries.size(); i += 2) {
      if (entries.get(i).equals(key)) {
        return i;
      }
    }
    return -1;
  }

  private static boolean isLowercaseLetterOrDigit(char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
  }

  private static boolean isOptionalWhitespace(char c) {
    return c == ' ' || c == '\t';
  }
}
