package dev.weft.view;

import java.nio.charset.StandardCharsets;

/**
 * Reads the protobuf wire format (varint, 64-bit, length-delimited and 32-bit fields) from a byte range, one field
 * at a time: {@link #next()}, then {@link #field()} and one of the value readers, or {@link #skip()}. Any read past
 * the range or a group wire type is {@link MalformedInputException}, never an index exception.
 */
final class ProtoReader {

  static final int VARINT = 0;
  static final int FIXED64 = 1;
  static final int LENGTH_DELIMITED = 2;
  static final int FIXED32 = 5;

  private final byte[] bytes;
  private int position;
  private final int end;
  private int tag;

  ProtoReader(byte[] bytes) {
    this(bytes, 0, bytes.length);
  }

  private ProtoReader(byte[] bytes, int start, int end) {
    this.bytes = bytes;
    this.position = start;
    this.end = end;
  }

  /** Moves to the next field; false at the end of the range. */
  boolean next() throws MalformedInputException {
    if (position >= end) {
      return false;
    }
    long key = varint();
    if (key >>> 32 != 0 || (key >>> 3) == 0) {
      throw new MalformedInputException("invalid field key " + key);
    }
    tag = (int) key;
    return true;
  }

  int field() {
    return tag >>> 3;
  }

  int wireType() {
    return tag & 7;
  }

  long varint() throws MalformedInputException {
    long value = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      if (position >= end) {
        throw new MalformedInputException("truncated varint");
      }
      byte b = bytes[position++];
      value |= (long) (b & 0x7f) << shift;
      if (b >= 0) {
        return value;
      }
    }
    throw new MalformedInputException("varint longer than 10 bytes");
  }

  long fixed64() throws MalformedInputException {
    require(8);
    long value = 0;
    for (int i = 7; i >= 0; i--) {
      value = (value << 8) | (bytes[position + i] & 0xffL);
    }
    position += 8;
    return value;
  }

  double doubleValue() throws MalformedInputException {
    return Double.longBitsToDouble(fixed64());
  }

  /** The current length-delimited field as a reader of its own. */
  ProtoReader message() throws MalformedInputException {
    int length = length();
    ProtoReader nested = new ProtoReader(bytes, position, position + length);
    position += length;
    return nested;
  }

  String string() throws MalformedInputException {
    int length = length();
    String value = new String(bytes, position, length, StandardCharsets.UTF_8);
    position += length;
    return value;
  }

  byte[] bytesValue() throws MalformedInputException {
    int length = length();
    byte[] value = new byte[length];
    System.arraycopy(bytes, position, value, 0, length);
    position += length;
    return value;
  }

  /** Skips the current field's value, whatever its wire type. */
  void skip() throws MalformedInputException {
    switch (wireType()) {
      case VARINT:
        varint();
        break;
      case FIXED64:
        require(8);
        position += 8;
        break;
      case LENGTH_DELIMITED:
        int length =
            length(); // not "position += length()": that would add to the position before the
        // length
        position += length;
        break;
      case FIXED32:
        require(4);
        position += 4;
        break;
      default:
        throw new MalformedInputException("unsupported wire type " + wireType());
    }
  }

  /** Throws unless the current field has the wire type the schema gives it. */
  void expect(int wireType) throws MalformedInputException {
    if (wireType() != wireType) {
      throw new MalformedInputException(
          "field " + field() + ": wire type " + wireType() + ", expected " + wireType);
    }
  }

  private int length() throws MalformedInputException {
    expect(LENGTH_DELIMITED);
    long length = varint();
    if (length < 0 || length > end - position) {
      throw new MalformedInputException("length " + length + " beyond the message");
    }
    return (int) length;
  }

  private void require(int count) throws MalformedInputException {
    if (end - position < count) {
      throw new MalformedInputException("truncated field");
    }
  }
}
