package dev.weft.otlp;

import java.util.Arrays;

/**
 * Protobuf wire format written front to back into one array that grows and is kept for the next message.
 *
 * <p>A length-delimited field's length is known only once its content is written, so {@link #startLengthDelimited}
 * leaves room for the length varint as long as its caller expects, and {@link #endLengthDelimited} writes the length
 * there, moving the content by a byte or two in the rare case the guess was wrong. That is what saves the SDK's
 * marshaler's first pass over the whole batch, which only computes the sizes of every message.
 */
final class ProtobufOutput {

  static final int VARINT = 0;
  static final int FIXED64 = 1;
  private static final int LENGTH_DELIMITED = 2;
  static final int FIXED32 = 5;

  private static final byte[] HEX_VALUES = hexValues();

  /**
   * The largest array kept for the next message: a batch of 2,048 spans like those of the benchmarks takes about
   * 1 MB; an array grown for an exceptional batch (huge attribute values) is let go at {@link #reset()}.
   */
  private static final int MOST_BYTES_KEPT = 4 * 1024 * 1024;

  private final int initialCapacity;
  private byte[] bytes;
  private int position;

  ProtobufOutput(int initialCapacity) {
    this.initialCapacity = initialCapacity;
    bytes = new byte[initialCapacity];
  }

  /** The message written, from index 0 to {@link #size()}. */
  byte[] array() {
    return bytes;
  }

  int size() {
    return position;
  }

  void reset() {
    position = 0;
    if (bytes.length > MOST_BYTES_KEPT) {
      bytes = new byte[initialCapacity];
    }
  }

  static int tag(int field, int wireType) {
    return field << 3 | wireType;
  }

  void varint(int value) {
    ensure(5);
    putVarint(value);
  }

  /** Also {@code int64}: a negative value takes ten bytes. */
  void varint(long value) {
    ensure(10);
    byte[] b = bytes;
    int p = position;
    while ((value & ~0x7FL) != 0) {
      b[p++] = (byte) ((value & 0x7F) | 0x80);
      value >>>= 7;
    }
    b[p++] = (byte) value;
    position = p;
  }

  /** Without checking the room left: the caller ensured it. */
  private void putVarint(int value) {
    byte[] b = bytes;
    int p = position;
    while ((value & ~0x7F) != 0) {
      b[p++] = (byte) ((value & 0x7F) | 0x80);
      value >>>= 7;
    }
    b[p++] = (byte) value;
    position = p;
  }

  void fixed64(long value) {
    fixed32((int) value); // little-endian: the low half first
    fixed32((int) (value >>> 32));
  }

  void fixed32(int value) {
    ensure(4);
    byte[] b = bytes;
    int p = position;
    b[p] = (byte) value;
    b[p + 1] = (byte) (value >> 8);
    b[p + 2] = (byte) (value >> 16);
    b[p + 3] = (byte) (value >> 24);
    position = p + 4;
  }

  void bytesField(int field, byte[] value) {
    ensure(10 + value.length);
    putVarint(tag(field, LENGTH_DELIMITED));
    putVarint(value.length);
    System.arraycopy(value, 0, bytes, position, value.length);
    position += value.length;
  }

  /** A {@code bytes} field of {@code hex.length() / 2} bytes from the hexadecimal id the SDK holds. */
  void hexField(int field, String hex) {
    int length = hex.length() / 2;
    ensure(10 + length);
    putVarint(tag(field, LENGTH_DELIMITED));
    putVarint(length);
    byte[] b = bytes;
    int p = position;
    for (int i = 0; i < length; i++) {
      b[p + i] = (byte) (hexValue(hex.charAt(2 * i)) << 4 | hexValue(hex.charAt(2 * i + 1)));
    }
    position = p + length;
  }

  private static int hexValue(char c) {
    return c < HEX_VALUES.length ? HEX_VALUES[c] : 0;
  }

  /**
   * A {@code string} field, written even when empty (as {@code AnyValue.string_value} is), in UTF-8 as the SDK's
   * marshaler encodes it: an unpaired surrogate becomes {@code '?'}.
   */
  void stringField(int field, String value) {
    int chars = value.length();
    int lengthBytes = varintSize(chars); // right unless a char takes more than one byte
    ensure(5 + lengthBytes + 3 * chars);
    putVarint(tag(field, LENGTH_DELIMITED));
    int start = reserve(lengthBytes);
    byte[] b = bytes;
    int p = position;
    int i = 0;
    for (char c; i < chars && (c = value.charAt(i)) < 0x80; i++) {
      b[p++] = (byte) c;
    }
    position = p;
    if (i < chars) {
      nonAscii(value, i);
    }
    endLengthDelimited(start);
  }

  private void nonAscii(String value, int from) {
    byte[] b = bytes;
    int p = position;
    int chars = value.length();
    for (int i = from; i < chars; i++) {
      char c = value.charAt(i);
      if (c < 0x80) {
        b[p++] = (byte) c;
      } else if (c < 0x800) {
        b[p++] = (byte) (0xC0 | c >>> 6);
        b[p++] = (byte) (0x80 | (c & 0x3F));
      } else if (!Character.isSurrogate(c)) {
        b[p++] = (byte) (0xE0 | c >>> 12);
        b[p++] = (byte) (0x80 | (c >>> 6 & 0x3F));
        b[p++] = (byte) (0x80 | (c & 0x3F));
      } else {
        int codePoint = Character.codePointAt(value, i);
        if (codePoint == c) {
          b[p++] = (byte) '?';
        } else {
          // a surrogate pair: 2 chars, 4 bytes, within the 3 bytes per char ensured
          b[p++] = (byte) (0xF0 | codePoint >>> 18);
          b[p++] = (byte) (0x80 | (codePoint >>> 12 & 0x3F));
          b[p++] = (byte) (0x80 | (codePoint >>> 6 & 0x3F));
          b[p++] = (byte) (0x80 | (codePoint & 0x3F));
          i++;
        }
      }
    }
    position = p;
  }

  /**
   * Starts the length-delimited field {@code field}: writes its tag and leaves {@code lengthBytes} bytes for its length.
   *
   * @return where the length goes, for {@link #endLengthDelimited}
   */
  int startLengthDelimited(int field, int lengthBytes) {
    ensure(5 + lengthBytes);
    putVarint(tag(field, LENGTH_DELIMITED));
    return reserve(lengthBytes);
  }

  private int reserve(int lengthBytes) {
    int start = position;
    position += lengthBytes;
    // the room left is remembered in its first byte until the length is known
    bytes[start] = (byte) lengthBytes;
    return start;
  }

  /** Writes the length of the field started at {@code start}, now that its content is written. */
  void endLengthDelimited(int start) {
    int reserved = bytes[start];
    int contentStart = start + reserved;
    int length = position - contentStart;
    int needed = varintSize(length);
    if (needed != reserved) {
      ensure(needed - reserved);
      System.arraycopy(bytes, contentStart, bytes, start + needed, length);
      position += needed - reserved;
    }
    byte[] b = bytes;
    int p = start;
    while ((length & ~0x7F) != 0) {
      b[p++] = (byte) ((length & 0x7F) | 0x80);
      length >>>= 7;
    }
    b[p] = (byte) length;
  }

  static int varintSize(int value) {
    if ((value & (~0 << 7)) == 0) {
      return 1;
    }
    if ((value & (~0 << 14)) == 0) {
      return 2;
    }
    if ((value & (~0 << 21)) == 0) {
      return 3;
    }
    if ((value & (~0 << 28)) == 0) {
      return 4;
    }
    return 5;
  }

  private void ensure(int more) {
    if (more > bytes.length - position) {
      grow(more);
    }
  }

  private void grow(int more) {
    bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, position + more));
  }

  private static byte[] hexValues() {
    byte[] values = new byte['f' + 1];
    for (int i = 0; i < 10; i++) {
      values['0' + i] = (byte) i;
    }
    for (int i = 0; i < 6; i++) {
      values['a' + i] = (byte) (10 + i);
      values['A' + i] = (byte) (10 + i);
    }
    return values;
  }
}
