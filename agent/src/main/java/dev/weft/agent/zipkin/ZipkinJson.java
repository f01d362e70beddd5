package dev.weft.agent.zipkin;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.common.InstrumentationScopeInfo;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.semconv.ServiceAttributes;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Spans as Zipkin's JSON v2 ({@code POST /api/v2/spans}): see the package description for the mapping. */
final class ZipkinJson {

  private ZipkinJson() {}

  static String encode(Collection<SpanData> spans) {
    StringBuilder json = new StringBuilder(spans.size() * 512).append('[');
    for (SpanData span : spans) {
      if (json.length() > 1) {
        json.append(',');
      }
      append(span, json);
    }
    return json.append(']').toString();
  }

  private static void append(SpanData span, StringBuilder json) {
    json.append("{\"traceId\":\"").append(span.getTraceId()).append('"');
    if (span.getParentSpanContext().isValid()) {
      json.append(",\"parentId\":\"").append(span.getParentSpanId()).append('"');
    }
    json.append(",\"id\":\"").append(span.getSpanId()).append('"');
    if (span.getKind() != SpanKind.INTERNAL) {
      json.append(",\"kind\":\"").append(span.getKind().name()).append('"');
    }
    json.append(",\"name\":");
    string(span.getName(), json);
    long startMicros = TimeUnit.NANOSECONDS.toMicros(span.getStartEpochNanos());
    // Zipkin reads a duration of 0 as none: a span shorter than a microsecond lasts one
    long durationMicros =
        Math.max(
            1, TimeUnit.NANOSECONDS.toMicros(span.getEndEpochNanos() - span.getStartEpochNanos()));
    json.append(",\"timestamp\":")
        .append(startMicros)
        .append(",\"duration\":")
        .append(durationMicros);
    String service = span.getResource().getAttribute(ServiceAttributes.SERVICE_NAME);
    if (service != null) {
      json.append(",\"localEndpoint\":{\"serviceName\":");
      string(service, json);
      json.append('}');
    }
    appendAnnotations(span.getEvents(), json);
    appendTags(span, json);
    json.append('}');
  }

  private static void appendAnnotations(List<EventData> events, StringBuilder json) {
    if (events.isEmpty()) {
      return;
    }
    json.append(",\"annotations\":[");
    for (int i = 0; i < events.size(); i++) {
      EventData event = events.get(i);
      json.append(i == 0 ? "" : ",")
          .append("{\"timestamp\":")
          .append(TimeUnit.NANOSECONDS.toMicros(event.getEpochNanos()))
          .append(",\"value\":");
      string(event.getName(), json);
      json.append('}');
    }
    json.append(']');
  }

  private static void appendTags(SpanData span, StringBuilder json) {
    int start = json.length();
    json.append(",\"tags\":{");
    span.getAttributes().forEach((key, value) -> tag(key.getKey(), tagValue(key, value), json));
    StatusCode status = span.getStatus().getStatusCode();
    if (status != StatusCode.UNSET) {
      tag("otel.status_code", status.name(), json);
    }
    if (status == StatusCode.ERROR) {
      String description = span.getStatus().getDescription();
      tag("error", description == null || description.isEmpty() ? "true" : description, json);
    }
    InstrumentationScopeInfo scope = span.getInstrumentationScopeInfo();
    if (!scope.getName().isEmpty()) {
      tag("otel.scope.name", scope.getName(), json);
    }
    if (scope.getVersion() != null) {
      tag("otel.scope.version", scope.getVersion(), json);
    }
    if (json.length() == start + ",\"tags\":{".length()) {
      json.setLength(start); // no tags
    } else {
      json.append('}');
    }
  }

  private static String tagValue(AttributeKey<?> key, Object value) {
    if (value instanceof List) {
      StringBuilder joined = new StringBuilder();
      for (Object element : (List<?>) value) {
        joined.append(joined.length() == 0 ? "" : ",").append(element);
      }
      return joined.toString();
    }
    return String.valueOf(value);
  }

  private static void tag(String key, String value, StringBuilder json) {
    if (json.charAt(json.length() - 1) != '{') {
      json.append(',');
    }
    string(key, json);
    json.append(':');
    string(value, json);
  }

  /** A JSON string literal. */
  static void string(String value, StringBuilder json) {
    json.append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"':
          json.append("\\\"");
          break;
        case '\\':
          json.append("\\\\");
          break;
        case '\n':
          json.append("\\n");
          break;
        case '\r':
          json.append("\\r");
          break;
        case '\t':
          json.append("\\t");
          break;
        default:
          if (c < 0x20) {
            json.append(String.format("\\u%04x", (int) c));
          } else {
            json.append(c);
          }
      }
    }
    json.append('"');
  }
}
