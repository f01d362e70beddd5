package dev.weft.smoke;

import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.proto.trace.v1.Status;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/** One span as the OTLP receiver decoded it, with its resource's attributes. */
record ReceivedSpan(Span span, Map<String, Object> resource) {

  static ReceivedSpan of(Span span, List<KeyValue> resourceAttributes) {
    return new ReceivedSpan(span, toMap(resourceAttributes));
  }

  String name() {
    return span.getName();
  }

  Span.SpanKind kind() {
    return span.getKind();
  }

  String traceId() {
    return hex(span.getTraceId());
  }

  String spanId() {
    return hex(span.getSpanId());
  }

  /** The parent span's id, or the empty string for a root span. */
  String parentSpanId() {
    return hex(span.getParentSpanId());
  }

  /** A trace or span id as the W3C headers write it. */
  static String hex(com.google.protobuf.ByteString id) {
    return HexFormat.of().formatHex(id.toByteArray());
  }

  Map<String, Object> attributes() {
    return toMap(span.getAttributesList());
  }

  Object attribute(String key) {
    return attributes().get(key);
  }

  Status.StatusCode status() {
    return span.getStatus().getCode();
  }

  long durationMillis() {
    return (span.getEndTimeUnixNano() - span.getStartTimeUnixNano()) / 1_000_000;
  }

  @Override
  public String toString() {
    return kind()
        + " '"
        + name()
        + "' trace="
        + traceId()
        + " span="
        + spanId()
        + " parent="
        + parentSpanId()
        + " "
        + attributes();
  }

  private static Map<String, Object> toMap(List<KeyValue> keyValues) {
    Map<String, Object> map = new HashMap<>();
    for (KeyValue keyValue : keyValues) {
      map.put(keyValue.getKey(), value(keyValue.getValue()));
    }
    return map;
  }

  private static Object value(AnyValue value) {
    switch (value.getValueCase()) {
      case STRING_VALUE:
        return value.getStringValue();
      case INT_VALUE:
        return value.getIntValue();
      case BOOL_VALUE:
        return value.getBoolValue();
      case DOUBLE_VALUE:
        return value.getDoubleValue();
      default:
        return value.toString();
    }
  }
}
