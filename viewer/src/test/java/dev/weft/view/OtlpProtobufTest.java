package dev.weft.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.ArrayValue;
import io.opentelemetry.proto.common.v1.InstrumentationScope;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.resource.v1.Resource;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.proto.trace.v1.Status;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Requests encoded by the real OTLP protobuf classes, decoded by the viewer's own reader. */
class OtlpProtobufTest {

  static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
  static final String SPAN_ID = "00f067aa0ba902b7";
  static final String PARENT_ID = "53995c3f42cd8ad8";

  private static ByteString hex(String hex) {
    byte[] bytes = new byte[hex.length() / 2];
    for (int i = 0; i < bytes.length; i++) {
      bytes[i] = (byte) Integer.parseInt(hex.substring(2 * i, 2 * i + 2), 16);
    }
    return ByteString.copyFrom(bytes);
  }

  private static KeyValue attribute(String key, AnyValue value) {
    return KeyValue.newBuilder().setKey(key).setValue(value).build();
  }

  static ExportTraceServiceRequest request() {
    Span span =
        Span.newBuilder()
            .setTraceId(hex(TRACE_ID))
            .setSpanId(hex(SPAN_ID))
            .setParentSpanId(hex(PARENT_ID))
            .setName("GET /greet/*")
            .setKind(Span.SpanKind.SPAN_KIND_SERVER)
            .setStartTimeUnixNano(1_700_000_000_123_456_789L)
            .setEndTimeUnixNano(1_700_000_000_223_456_789L)
            .addAttributes(
                attribute(
                    "http.request.method", AnyValue.newBuilder().setStringValue("GET").build()))
            .addAttributes(
                attribute(
                    "http.response.status_code", AnyValue.newBuilder().setIntValue(500).build()))
            .addAttributes(attribute("sampled", AnyValue.newBuilder().setBoolValue(true).build()))
            .addAttributes(attribute("ratio", AnyValue.newBuilder().setDoubleValue(0.25).build()))
            .addAttributes(
                attribute(
                    "tags",
                    AnyValue.newBuilder()
                        .setArrayValue(
                            ArrayValue.newBuilder()
                                .addValues(AnyValue.newBuilder().setStringValue("a"))
                                .addValues(AnyValue.newBuilder().setIntValue(2)))
                        .build()))
            .addEvents(
                Span.Event.newBuilder()
                    .setName("exception")
                    .setTimeUnixNano(1_700_000_000_200_000_000L)
                    .addAttributes(
                        attribute(
                            "exception.type",
                            AnyValue.newBuilder().setStringValue("java.io.IOException").build())))
            .addLinks(
                Span.Link.newBuilder()
                    .setTraceId(hex("0af7651916cd43dd8448eb211c80319c"))
                    .setSpanId(hex("b7ad6b7169203331")))
            .setStatus(
                Status.newBuilder().setCode(Status.StatusCode.STATUS_CODE_ERROR).setMessage("boom"))
            .build();
    return ExportTraceServiceRequest.newBuilder()
        .addResourceSpans(
            ResourceSpans.newBuilder()
                .setResource(
                    Resource.newBuilder()
                        .addAttributes(
                            attribute(
                                "service.name",
                                AnyValue.newBuilder().setStringValue("shop").build())))
                .addScopeSpans(
                    ScopeSpans.newBuilder()
                        .setScope(
                            InstrumentationScope.newBuilder()
                                .setName("dev.weft.servlet")
                                .setVersion("1"))
                        .addSpans(span)
                        .addSpans(
                            span.toBuilder()
                                .setSpanId(hex("1111111111111111"))
                                .clearParentSpanId()
                                .setKind(Span.SpanKind.SPAN_KIND_CLIENT)
                                .clearStatus())))
        .build();
  }

  @Test
  void readsEveryFieldTheViewerShows() throws Exception {
    List<ViewSpan> spans = OtlpProtobuf.decode(request().toByteArray());

    assertEquals(2, spans.size());
    ViewSpan span = spans.get(0);
    assertEquals(TRACE_ID, span.traceId);
    assertEquals(SPAN_ID, span.spanId);
    assertEquals(PARENT_ID, span.parentSpanId);
    assertEquals("GET /greet/*", span.name);
    assertEquals("SERVER", span.kindName());
    assertEquals(1_700_000_000_123_456_789L, span.startNanos);
    assertEquals(100_000_000L, span.durationNanos());
    assertEquals("GET", span.attributes.get("http.request.method"));
    assertEquals(500L, span.attributes.get("http.response.status_code"));
    assertEquals(true, span.attributes.get("sampled"));
    assertEquals(0.25, span.attributes.get("ratio"));
    assertEquals(List.of("a", 2L), span.attributes.get("tags"));
    assertEquals("exception", span.events.get(0).name);
    assertEquals(Map.of("exception.type", "java.io.IOException"), span.events.get(0).attributes);
    assertEquals("0af7651916cd43dd8448eb211c80319c", span.links.get(0).traceId);
    assertEquals("b7ad6b7169203331", span.links.get(0).spanId);
    assertTrue(span.isError());
    assertEquals("boom", span.statusMessage);
    assertEquals("shop", span.service());
    assertEquals("dev.weft.servlet", span.scope);
    assertEquals("", spans.get(1).parentSpanId);
    assertEquals("CLIENT", spans.get(1).kindName());
    assertEquals(0, spans.get(1).statusCode);
  }

  @Test
  void anEmptyRequestHasNoSpans() throws Exception {
    assertEquals(List.of(), OtlpProtobuf.decode(new byte[0]));
  }

  @Test
  void everyTruncationIsMalformedNeverAnotherException() {
    byte[] whole = request().toByteArray();
    for (int length = 1; length < whole.length; length++) {
      byte[] truncated = Arrays.copyOf(whole, length);
      try {
        OtlpProtobuf.decode(truncated);
      } catch (MalformedInputException expected) {
        // fine: what matters is that nothing else is thrown
      }
    }
  }

  @Test
  void garbageAndBadIdsAreMalformed() {
    assertThrows(
        MalformedInputException.class, () -> OtlpProtobuf.decode("not protobuf at all".getBytes()));
    byte[] shortTraceId =
        ExportTraceServiceRequest.newBuilder()
            .addResourceSpans(
                ResourceSpans.newBuilder()
                    .addScopeSpans(
                        ScopeSpans.newBuilder()
                            .addSpans(
                                Span.newBuilder().setTraceId(hex("0102")).setSpanId(hex(SPAN_ID)))))
            .build()
            .toByteArray();
    assertThrows(MalformedInputException.class, () -> OtlpProtobuf.decode(shortTraceId));
  }
}
