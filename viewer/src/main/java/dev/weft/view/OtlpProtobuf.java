package dev.weft.view;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Decodes an OTLP {@code ExportTraceServiceRequest} in protobuf ({@code http/protobuf}) into {@link ViewSpan}s,
 * reading only the fields the viewer shows (field numbers of opentelemetry-proto 1.x,
 * {@code opentelemetry/proto/trace/v1/trace.proto}); unknown fields are skipped, as protobuf requires.
 */
final class OtlpProtobuf {

  private OtlpProtobuf() {}

  static List<ViewSpan> decode(byte[] body) throws MalformedInputException {
    List<ViewSpan> spans = new ArrayList<>();
    ProtoReader request = new ProtoReader(body);
    while (request.next()) {
      if (request.field() == 1) {
        resourceSpans(request.message(), spans);
      } else {
        request.skip();
      }
    }
    return spans;
  }

  private static void resourceSpans(ProtoReader in, List<ViewSpan> into)
      throws MalformedInputException {
    Map<String, Object> resourceAttributes = new LinkedHashMap<>();
    List<ProtoReader> scopeSpans = new ArrayList<>();
    while (in.next()) {
      if (in.field() == 1) {
        ProtoReader resource = in.message();
        while (resource.next()) {
          if (resource.field() == 1) {
            keyValue(resource.message(), resourceAttributes);
          } else {
            resource.skip();
          }
        }
      } else if (in.field() == 2) {
        scopeSpans.add(in.message()); // the resource may come after its spans on the wire
      } else {
        in.skip();
      }
    }
    ViewSpan.Resource resource = new ViewSpan.Resource(resourceAttributes);
    for (ProtoReader scope : scopeSpans) {
      scopeSpans(scope, resource, into);
    }
  }

  private static void scopeSpans(ProtoReader in, ViewSpan.Resource resource, List<ViewSpan> into)
      throws MalformedInputException {
    String scopeName = "";
    List<ProtoReader> spans = new ArrayList<>();
    while (in.next()) {
      if (in.field() == 1) {
        ProtoReader scope = in.message();
        while (scope.next()) {
          if (scope.field() == 1) {
            scopeName = scope.string();
          } else {
            scope.skip();
          }
        }
      } else if (in.field() == 2) {
        spans.add(in.message());
      } else {
        in.skip();
      }
    }
    for (ProtoReader span : spans) {
      into.add(span(span, scopeName, resource));
    }
  }

  private static ViewSpan span(ProtoReader in, String scope, ViewSpan.Resource resource)
      throws MalformedInputException {
    String traceId = "";
    String spanId = "";
    String parentSpanId = "";
    String name = "";
    int kind = 0;
    long start = 0;
    long end = 0;
    int statusCode = 0;
    String statusMessage = "";
    Map<String, Object> attributes = new LinkedHashMap<>();
    List<ViewSpan.Event> events = new ArrayList<>();
    List<ViewSpan.Link> links = new ArrayList<>();
    while (in.next()) {
      switch (in.field()) {
        case 1:
          traceId = Hex.of(in.bytesValue());
          break;
        case 2:
          spanId = Hex.of(in.bytesValue());
          break;
        case 4:
          parentSpanId = Hex.of(in.bytesValue());
          break;
        case 5:
          name = in.string();
          break;
        case 6:
          in.expect(ProtoReader.VARINT);
          kind = (int) in.varint();
          break;
        case 7:
          in.expect(ProtoReader.FIXED64);
          start = in.fixed64();
          break;
        case 8:
          in.expect(ProtoReader.FIXED64);
          end = in.fixed64();
          break;
        case 9:
          keyValue(in.message(), attributes);
          break;
        case 11:
          events.add(event(in.message()));
          break;
        case 13:
          links.add(link(in.message()));
          break;
        case 15:
          ProtoReader status = in.message();
          while (status.next()) {
            if (status.field() == 2) {
              statusMessage = status.string();
            } else if (status.field() == 3) {
              status.expect(ProtoReader.VARINT);
              statusCode = (int) status.varint();
            } else {
              status.skip();
            }
          }
          break;
        default:
          in.skip();
      }
    }
    Ids.requireValid(traceId, spanId);
    return new ViewSpan(
        traceId,
        spanId,
        Ids.parent(parentSpanId),
        name,
        kind,
        start,
        end,
        statusCode,
        statusMessage,
        scope,
        attributes,
        events,
        links,
        resource);
  }

  private static ViewSpan.Event event(ProtoReader in) throws MalformedInputException {
    long time = 0;
    String name = "";
    Map<String, Object> attributes = new LinkedHashMap<>();
    while (in.next()) {
      if (in.field() == 1) {
        in.expect(ProtoReader.FIXED64);
        time = in.fixed64();
      } else if (in.field() == 2) {
        name = in.string();
      } else if (in.field() == 3) {
        keyValue(in.message(), attributes);
      } else {
        in.skip();
      }
    }
    return new ViewSpan.Event(name, time, attributes);
  }

  private static ViewSpan.Link link(ProtoReader in) throws MalformedInputException {
    String traceId = "";
    String spanId = "";
    Map<String, Object> attributes = new LinkedHashMap<>();
    while (in.next()) {
      if (in.field() == 1) {
        traceId = Hex.of(in.bytesValue());
      } else if (in.field() == 2) {
        spanId = Hex.of(in.bytesValue());
      } else if (in.field() == 4) {
        keyValue(in.message(), attributes);
      } else {
        in.skip();
      }
    }
    return new ViewSpan.Link(traceId, spanId, attributes);
  }

  private static void keyValue(ProtoReader in, Map<String, Object> into)
      throws MalformedInputException {
    String key = "";
    Object value = null;
    while (in.next()) {
      if (in.field() == 1) {
        key = in.string();
      } else if (in.field() == 2) {
        value = anyValue(in.message());
      } else {
        in.skip();
      }
    }
    into.put(key, value == null ? "" : value);
  }

  private static Object anyValue(ProtoReader in) throws MalformedInputException {
    Object value = null;
    while (in.next()) {
      switch (in.field()) {
        case 1:
          value = in.string();
          break;
        case 2:
          in.expect(ProtoReader.VARINT);
          value = in.varint() != 0;
          break;
        case 3:
          in.expect(ProtoReader.VARINT);
          value = in.varint();
          break;
        case 4:
          in.expect(ProtoReader.FIXED64);
          value = in.doubleValue();
          break;
        case 5:
          List<Object> array = new ArrayList<>();
          ProtoReader values = in.message();
          while (values.next()) {
            if (values.field() == 1) {
              array.add(anyValue(values.message()));
            } else {
              values.skip();
            }
          }
          value = array;
          break;
        case 6:
          Map<String, Object> map = new LinkedHashMap<>();
          ProtoReader entries = in.message();
          while (entries.next()) {
            if (entries.field() == 1) {
              keyValue(entries.message(), map);
            } else {
              entries.skip();
            }
          }
          value = map;
          break;
        case 7:
          value = Hex.of(in.bytesValue());
          break;
        default:
          in.skip();
      }
    }
    return value == null ? "" : value;
  }
}
