package dev.weft.agent.tracecontext;

import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;

/**
 * The {@code traceparent} header ({@code version-traceid-parentid-flags}, lowercase hex), read in place, from a string
 * or from a carrier's bytes (seen through an {@link AsciiBytes}): checking it allocates nothing more, and reading it
 * only the two ids and the {@link RemoteParent} that holds them. The rules are those of the SDK's
 * {@code W3CTraceContextPropagator}: version {@code 00} is exactly 55 characters; a higher version is read by the
 * version-00 rules when what follows the flags begins with {@code -}; version {@code ff}, all-zero ids and uppercase
 * hex are invalid.
 */
final class TraceParentHeader {

  private static final int LENGTH = 55;
  private static final int TRACE_ID = 3;
  private static final int TRACE_ID_LENGTH = 32;
  private static final int SPAN_ID = TRACE_ID + TRACE_ID_LENGTH + 1;
  private static final int SPAN_ID_LENGTH = 16;
  private static final int FLAGS = SPAN_ID + SPAN_ID_LENGTH + 1;
  private static final char DELIMITER = '-';

  private TraceParentHeader() {}

  static boolean isValid(CharSequence header) {
    if (header == null || header.length() < LENGTH) {
      return false;
    }
    if (header.length() > LENGTH && (header.charAt(LENGTH) != DELIMITER || isVersionZero(header))) {
      return false;
    }
    return header.charAt(TRACE_ID - 1) == DELIMITER
        && header.charAt(SPAN_ID - 1) == DELIMITER
        && header.charAt(FLAGS - 1) == DELIMITER
        && isHex(header, 0, 2)
        && !(header.charAt(0) == 'f' && header.charAt(1) == 'f')
        && isHex(header, TRACE_ID, TRACE_ID_LENGTH)
        && !isZero(header, TRACE_ID, TRACE_ID_LENGTH)
        && isHex(header, SPAN_ID, SPAN_ID_LENGTH)
        && !isZero(header, SPAN_ID, SPAN_ID_LENGTH)
        && isHex(header, FLAGS, 2);
  }

  /**
   * @param header a header {@link #isValid valid}
   * @return the remote parent it names, with {@code traceState}
   */
  static SpanContext parent(CharSequence header, TraceState traceState) {
    byte flags = (byte) (hexValue(header.charAt(FLAGS)) << 4 | hexValue(header.charAt(FLAGS + 1)));
    return new RemoteParent(
        header.subSequence(TRACE_ID, TRACE_ID + TRACE_ID_LENGTH).toString(),
        header.subSequence(SPAN_ID, SPAN_ID + SPAN_ID_LENGTH).toString(),
        TraceFlags.fromByte(flags),
        traceState);
  }

  private static boolean isVersionZero(CharSequence header) {
    return header.charAt(0) == '0' && header.charAt(1) == '0';
  }

  private static boolean isHex(CharSequence header, int from, int length) {
    for (int i = from; i < from + length; i++) {
      if (hexValue(header.charAt(i)) < 0) {
        return false;
      }
    }
    return true;
  }

  private static boolean isZero(CharSequence header, int from, int length) {
    for (int i = from; i < from + length; i++) {
      if (header.charAt(i) != '0') {
        return false;
      }
    }
    return true;
  }

  /** The value of a lowercase hex digit, or -1. */
  private static int hexValue(char digit) {
    if (digit >= '0' && digit <= '9') {
      return digit - '0';
    }
    if (digit >= 'a' && digit <= 'f') {
      return digit - 'a' + 10;
    }
    return -1;
  }
}
