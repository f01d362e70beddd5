package dev.weft.view;

import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Decodes an OTLP {@code ExportTraceServiceRequest} in the OTLP/JSON encoding ({@code http/json}): the protobuf
 * messages' lowerCamelCase field names, trace and span ids in hex (not base64), enums as integers (their names are
 * accepted too), 64-bit integers as strings or numbers. Unknown fields are ignored, as the specification asks.
 */
final class OtlpJson {

  private static final List<String> KINDS =
      List.of(
          "SPAN_KIND_UNSPECIFIED",
          "SPAN_KIND_INTERNAL",
          "SPAN_KIND_SERVER",
          "SPAN_KIND_CLIENT",
          "SPAN_KIND_PRODUCER",
          "SPAN_KIND_CONSUMER");
  private static final List<String> STATUS_CODES =
      List.of("STATUS_CODE_UNSET", "STATUS_CODE_OK", "STATUS_CODE_ERROR");

  private OtlpJson() {}

  static List<ViewSpan> decode(String body) throws MalformedInputException {
    List<ViewSpan> spans = new ArrayList<>();
    for (Map<String, Object> resourceSpans :
        objects(object(JsonReader.parse(body), "request"), "resourceSpans")) {
      ViewSpan.Resource resource =
          new ViewSpan.Resource(attributes(object(resourceSpans.get("resource"), "resource")));
      for (Map<String, Object> scopeSpans : objects(resourceSpans, "scopeSpans")) {
        String scope = string(object(scopeSpans.get("scope"), "scope").get("name"));
        for (Map<String, Object> span : objects(scopeSpans, "spans")) {
          spans.add(span(span, scope, resource));
        }
      }
    }
    return spans;
  }

  private static ViewSpan span(Map<String, Object> span, String scope, ViewSpan.Resource resource)
      throws MalformedInputException {
    String traceId = id(span.get("traceId"));
    String spanId = id(span.get("spanId"));
    Ids.requireValid(traceId, spanId);
    Map<String, Object> status = object(span.get("status"), "status");
    List<ViewSpan.Event> events = new ArrayList<>();
    for (Map<String, Object> event : objects(span, "events")) {
      events.add(
          new ViewSpan.Event(
              string(event.get("name")), integer(event.get("timeUnixNano")), attributes(event)));
    }
    List<ViewSpan.Link> links = new ArrayList<>();
    for (Map<String, Object> link : objects(span, "links")) {
      links.add(
          new ViewSpan.Link(id(link.get("traceId")), id(link.get("spanId")), attributes(link)));
    }
    return new ViewSpan(
        traceId,
        spanId,
        Ids.parent(id(span.get("parentSpanId"))),
        string(span.get("name")),
        enumValue(span.get("kind"), KINDS),
        integer(span.get("startTimeUnixNano")),
        integer(span.get("endTimeUnixNano")),
        enumValue(status.get("code"), STATUS_CODES),
        string(status.get("message")),
        scope,
        attributes(span),
        events,
        links,
        resource);
  }

  /** The {@code attributes} (a list of {@code {key, value}}) of a resource, span, event or link. */
  private static Map<String, Object> attributes(Map<String, Object> owner)
      throws MalformedInputException {
    Map<String, Object> attributes = new LinkedHashMap<>();
    for (Map<String, Object> keyValue : objects(owner, "attributes")) {
      attributes.put(string(keyValue.get("key")), anyValue(object(keyValue.get("value"), "value")));
    }
    return attributes;
  }

  private static Object anyValue(Map<String, Object> value) throws MalformedInputException {
    if (value.containsKey("stringValue")) {
      return string(value.get("stringValue"));
    }
    if (value.containsKey("boolValue")) {
      return Boolean.TRUE.equals(value.get("boolValue"));
    }
    if (value.containsKey("intValue")) {
      return integer(value.get("intValue"));
    }
    if (value.containsKey("doubleValue")) {
      Object number = value.get("doubleValue");
      if (number instanceof Number) {
        return ((Number) number).doubleValue();
      }
      try {
        return Double.parseDouble(string(number)); // "NaN", "Infinity"
      } catch (NumberFormatException e) {
        throw new MalformedInputException("invalid doubleValue");
      }
    }
    if (value.containsKey("arrayValue")) {
      List<Object> array = new ArrayList<>();
      for (Map<String, Object> element :
          objects(object(value.get("arrayValue"), "arrayValue"), "values")) {
        array.add(anyValue(element));
      }
      return array;
    }
    if (value.containsKey("kvlistValue")) {
      Map<String, Object> map = new LinkedHashMap<>();
      for (Map<String, Object> entry :
          objects(object(value.get("kvlistValue"), "kvlistValue"), "values")) {
        map.put(string(entry.get("key")), anyValue(object(entry.get("value"), "value")));
      }
      return map;
    }
    if (value.containsKey("bytesValue")) {
      try {
        return Hex.of(Base64.getDecoder().decode(string(value.get("bytesValue"))));
      } catch (IllegalArgumentException e) {
        throw new MalformedInputException("invalid bytesValue");
      }
    }
    return "";
  }

  private static String id(Object value) throws MalformedInputException {
    return string(value).toLowerCase(Locale.ROOT);
  }

  private static int enumValue(Object value, List<String> names) throws MalformedInputException {
    if (value == null) {
      return 0;
    }
    if (value instanceof String) {
      int index = names.indexOf(value);
      if (index < 0) {
        throw new MalformedInputException("unknown enum value " + value);
      }
      return index;
    }
    return (int) integer(value);
  }

  /** An int64 / fixed64, which OTLP/JSON writes as a decimal string (numbers are accepted too). */
  private static long integer(Object value) throws MalformedInputException {
    if (value == null) {
      return 0;
    }
    if (value instanceof Long) {
      return (Long) value;
    }
    if (value instanceof String) {
      try {
        return Long.parseUnsignedLong((String) value);
      } catch (NumberFormatException e) {
        try {
          return Long.parseLong((String) value);
        } catch (NumberFormatException notANumber) {
          throw new MalformedInputException("invalid integer " + value);
        }
      }
    }
    throw new MalformedInputException("invalid integer " + value);
  }

  private static String string(Object value) throws MalformedInputException {
    if (value == null) {
      return "";
    }
    if (!(value instanceof String)) {
      throw new MalformedInputException("a string expected, not " + value);
    }
    return (String) value;
  }

  /** The value as a JSON object; an absent one is empty. */
  @SuppressWarnings("unchecked")
  private static Map<String, Object> object(Object value, String what)
      throws MalformedInputException {
    if (value == null) {
      return Collections.emptyMap();
    }
    if (!(value instanceof Map)) {
      throw new MalformedInputException(what + " is not an object");
    }
    return (Map<String, Object>) value;
  }

  /** The member {@code name} of {@code owner}: a list of objects, empty when absent. */
  private static List<Map<String, Object>> objects(Map<String, Object> owner, String name)
      throws MalformedInputException {
    Object value = owner.get(name);
    if (value == null) {
      return Collections.emptyList();
    }
    if (!(value instanceof List)) {
      throw new MalformedInputException(name + " is not an array");
    }
    List<Map<String, Object>> objects = new ArrayList<>();
    for (Object element : (List<?>) value) {
      objects.add(object(element, name));
    }
    return objects;
  }
}
