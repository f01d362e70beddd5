package dev.weft.view;

import java.util.List;
import java.util.Map;

/**
 * One span as the viewer holds it: the fields of an OTLP span that the page and the terminal show, decoded from
 * either wire format. Ids are lower-case hex; times are Unix epoch nanoseconds; attribute values are
 * {@code String}, {@code Long}, {@code Double}, {@code Boolean}, or a {@code List}/{@code Map} of those.
 */
final class ViewSpan {

  static final int STATUS_ERROR = 2;
  private static final String[] KINDS = {
    "UNSPECIFIED", "INTERNAL", "SERVER", "CLIENT", "PRODUCER", "CONSUMER"
  };

  final String traceId;
  final String spanId;

  /** Empty for a root span. */
  final String parentSpanId;

  final String name;
  final int kind;
  final long startNanos;
  final long endNanos;
  final int statusCode;
  final String statusMessage;
  final String scope;
  final Map<String, Object> attributes;
  final List<Event> events;
  final List<Link> links;
  final Resource resource;

  ViewSpan(
      String traceId,
      String spanId,
      String parentSpanId,
      String name,
      int kind,
      long startNanos,
      long endNanos,
      int statusCode,
      String statusMessage,
      String scope,
      Map<String, Object> attributes,
      List<Event> events,
      List<Link> links,
      Resource resource) {
    this.traceId = traceId;
    this.spanId = spanId;
    this.parentSpanId = parentSpanId;
    this.name = name;
    this.kind = kind;
    this.startNanos = startNanos;
    this.endNanos = Math.max(startNanos, endNanos);
    this.statusCode = statusCode;
    this.statusMessage = statusMessage;
    this.scope = scope;
    this.attributes = attributes;
    this.events = events;
    this.links = links;
    this.resource = resource;
  }

  long durationNanos() {
    return endNanos - startNanos;
  }

  boolean isError() {
    return statusCode == STATUS_ERROR;
  }

  String kindName() {
    return kind >= 0 && kind < KINDS.length ? KINDS[kind] : "UNSPECIFIED";
  }

  String service() {
    return resource.serviceName;
  }

  /** A span event (an exception, say). */
  static final class Event {
    final String name;
    final long timeNanos;
    final Map<String, Object> attributes;

    Event(String name, long timeNanos, Map<String, Object> attributes) {
      this.name = name;
      this.timeNanos = timeNanos;
      this.attributes = attributes;
    }
  }

  /** A link to a span of this or another trace (a Kafka poll or batch span's producers). */
  static final class Link {
    final String traceId;
    final String spanId;
    final Map<String, Object> attributes;

    Link(String traceId, String spanId, Map<String, Object> attributes) {
      this.traceId = traceId;
      this.spanId = spanId;
      this.attributes = attributes;
    }
  }

  /** The resource of the process that made the span; shared by all spans of one export's resource. */
  static final class Resource {
    final Map<String, Object> attributes;
    final String serviceName;

    Resource(Map<String, Object> attributes) {
      this.attributes = attributes;
      Object service = attributes.get("service.name");
      this.serviceName = service == null ? "unknown_service" : service.toString();
    }
  }
}
