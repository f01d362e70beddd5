package dev.weft.benchmarks.harness;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Reads an OTLP {@code ExportTraceServiceRequest} (protobuf) just deep enough to name each span's trace id:
 * {@code resource_spans} (1) / {@code scope_spans} (2) / {@code spans} (2) / {@code trace_id} (1). Walking the wire
 * format keeps the sink cheap, so it never slows the exporters it measures.
 */
final class OtlpSpans {

  private static final int LENGTH_DELIMITED = 2;
  private static final int RESOURCE_SPANS = 1;
  private static final int SCOPE_SPANS = 2;
  private static final int SPANS = 2;
  private static final int TRACE_ID = 1;

  private OtlpSpans() {}

  /** Hands the trace id of every span in {@code request} to {@code spanTraces}. */
  static void forEachSpan(byte[] request, Consumer<TraceId> spanTraces) {
    for (Reader resourceSpans : new Reader(request, 0, request.length).messages(RESOURCE_SPANS)) {
      for (Reader scopeSpans : resourceSpans.messages(SCOPE_SPANS)) {
        for (Reader span : scopeSpans.messages(SPANS)) {
          spanTraces.accept(span.traceId());
        }
      }
    }
  }

  /** One message's bytes, {@code start} to {@code end}. */
  private static final class Reader {
    private final byte[] bytes;
    private final int start;
    private final int end;
    private int position;

    Reader(byte[] bytes, int start, int end) {
      this.bytes = bytes;
      this.start = start;
      this.end = end;
    }

    /** The embedded messages in field {@code field}, in order. */
    List<Reader> messages(int field) {
      List<Reader> messages = new ArrayList<>();
      position = start;
      while (position < end) {
        long tag = varint();
        int wireType = (int) (tag & 7);
        if (tag >>> 3 == field && wireType == LENGTH_DELIMITED) {
          int length = (int) varint();
          messages.add(new Reader(bytes, position, position + length));
          position += length;
        } else {
          skip(wireType);
        }
      }
      return messages;
    }

    TraceId traceId() {
      List<Reader> ids = messages(TRACE_ID);
      if (ids.isEmpty()) {
        throw new IllegalArgumentException("a span without a trace id");
      }
      Reader id = ids.get(0);
      return new TraceId(id.longAt(id.start), id.longAt(id.start + 8));
    }

    private long longAt(int offset) {
      long value = 0;
      for (int i = offset; i < offset + 8; i++) {
        value = value << 8 | (bytes[i] & 0xff);
      }
      return value;
    }

    private long varint() {
      long value = 0;
      for (int shift = 0; ; shift += 7) {
        byte b = bytes[position++];
        value |= (long) (b & 0x7f) << shift;
        if (b >= 0) {
          return value;
        }
      }
    }

    private void skip(int wireType) {
      switch (wireType) {
        case 0:
          varint();
          break;
        case 1:
          position += 8;
          break;
        case LENGTH_DELIMITED:
          int length = (int) varint();
          position += length;
          break;
        case 5:
          position += 4;
          break;
        default:
          throw new IllegalArgumentException("unsupported protobuf wire type " + wireType);
      }
    }
  }
}
