package dev.weft.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PartialSuccessTest {

  /** {@code ExportTraceServiceResponse{partial_success{rejected_spans, error_message}}} in the wire format. */
  private static byte[] response(int rejectedSpans, String message) {
    ByteArrayOutputStream partialSuccess = new ByteArrayOutputStream();
    partialSuccess.write(1 << 3);
    partialSuccess.write(rejectedSpans); // a one-byte varint: under 128
    byte[] text = message.getBytes(StandardCharsets.UTF_8);
    partialSuccess.write(2 << 3 | 2);
    partialSuccess.write(text.length);
    partialSuccess.writeBytes(text);
    ByteArrayOutputStream response = new ByteArrayOutputStream();
    response.write(9 << 3); // an unknown field before it, skipped
    response.write(1);
    response.write(1 << 3 | 2);
    response.write(partialSuccess.size());
    response.writeBytes(partialSuccess.toByteArray());
    return response.toByteArray();
  }

  @Test
  void readsTheRejectedSpansAndTheCollectorsMessage() {
    PartialSuccess.Rejection rejection =
        PartialSuccess.Rejection.parse(response(42, "spans too old"));
    assertEquals(42, rejection.spans);
    assertEquals("spans too old", rejection.message);
  }

  @Test
  void aResponseWithoutPartialSuccessHasNone() {
    assertNull(PartialSuccess.Rejection.parse(new byte[] {9 << 3, 1}));
  }

  @Test
  void aGarbledResponseIsIgnored() {
    assertNull(PartialSuccess.Rejection.parse(new byte[] {1 << 3 | 2, 100, 8}));
    assertNull(PartialSuccess.Rejection.parse(new byte[] {(byte) 0xff}));
  }
}
