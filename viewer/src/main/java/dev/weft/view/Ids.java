package dev.weft.view;

/** The checks a span's ids must pass to be held: a 16-byte trace id and an 8-byte span id, in hex. */
final class Ids {

  private Ids() {}

  static void requireValid(String traceId, String spanId) throws MalformedInputException {
    if (!isHex(traceId, 32) || !isHex(spanId, 16)) {
      throw new MalformedInputException("a span without a valid trace id and span id");
    }
  }

  /** A parent span id: empty, or 16 hex digits (an all-zero id means none). */
  static String parent(String parentSpanId) throws MalformedInputException {
    if (parentSpanId.isEmpty() || parentSpanId.equals("0000000000000000")) {
      return "";
    }
    if (!isHex(parentSpanId, 16)) {
      throw new MalformedInputException("invalid parent span id");
    }
    return parentSpanId;
  }

  static boolean isHex(String id, int length) {
    if (id.length() != length) {
      return false;
    }
    for (int i = 0; i < length; i++) {
      char c = id.charAt(i);
      if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
        return false;
      }
    }
    return true;
  }
}
