package dev.weft.agent.tracecontext;

import java.nio.charset.StandardCharsets;

/**
 * A header value that a carrier holds as bytes ({@link dev.weft.instrumentation.api.ByteValuesGetter}), read as the
 * characters {@link TraceParentHeader} checks without decoding it first: a byte is the character of the same code,
 * so that the header's ASCII reads as it is and any other byte is a character no rule accepts, as is whatever
 * UTF-8 would decode of it. Only what is kept (the ids) becomes strings.
 */
final class AsciiBytes implements CharSequence {

  private final byte[] bytes;

  AsciiBytes(byte[] bytes) {
    this.bytes = bytes;
  }

  @Override
  public int length() {
    return bytes.length;
  }

  @Override
  public char charAt(int index) {
    return (char) (bytes[index] & 0xff);
  }

  @Override
  public String subSequence(int start, int end) {
    return new String(bytes, start, end - start, StandardCharsets.ISO_8859_1);
  }

  @Override
  public String toString() {
    return new String(bytes, StandardCharsets.ISO_8859_1);
  }
}
