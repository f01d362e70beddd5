package dev.weft.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** OTLP/JSON as the specification writes it: hex ids, enums as integers, 64-bit integers as strings. */
class OtlpJsonTest {

  static final String REQUEST =
      "{\"resourceSpans\":[{\"resource\":{\"attributes\":["
          + "{\"key\":\"service.name\",\"value\":{\"stringValue\":\"shop\"}}]},"
          + "\"scopeSpans\":[{\"scope\":{\"name\":\"dev.weft.okhttp\"},\"spans\":[{"
          + "\"traceId\":\"4BF92F3577B34DA6A3CE929D0E0E4736\",\"spanId\":\"00f067aa0ba902b7\","
          + "\"parentSpanId\":\"\",\"name\":\"GET\",\"kind\":3,"
          + "\"startTimeUnixNano\":\"1700000000123456789\",\"endTimeUnixNano\":\"1700000000133456789\","
          + "\"attributes\":[{\"key\":\"http.response.status_code\",\"value\":{\"intValue\":\"503\"}},"
          + "{\"key\":\"url.full\",\"value\":{\"stringValue\":\"http://a/\\u00e9\"}},"
          + "{\"key\":\"ok\",\"value\":{\"boolValue\":false}},"
          + "{\"key\":\"d\",\"value\":{\"doubleValue\":1.5}},"
          + "{\"key\":\"raw\",\"value\":{\"bytesValue\":\"AQI=\"}},"
          + "{\"key\":\"map\",\"value\":{\"kvlistValue\":{\"values\":[{\"key\":\"k\",\"value\":{\"intValue\":7}}]}}}],"
          + "\"events\":[{\"timeUnixNano\":\"1700000000130000000\",\"name\":\"exception\",\"attributes\":[]}],"
          + "\"links\":[{\"traceId\":\"0af7651916cd43dd8448eb211c80319c\",\"spanId\":\"b7ad6b7169203331\"}],"
          + "\"status\":{\"code\":\"STATUS_CODE_ERROR\",\"message\":\"503\"},\"unknownField\":[1,2,{}]}]}]}]}";

  @Test
  void readsEveryFieldTheViewerShows() throws Exception {
    List<ViewSpan> spans = OtlpJson.decode(REQUEST);

    assertEquals(1, spans.size());
    ViewSpan span = spans.get(0);
    assertEquals("4bf92f3577b34da6a3ce929d0e0e4736", span.traceId);
    assertEquals("00f067aa0ba902b7", span.spanId);
    assertEquals("", span.parentSpanId);
    assertEquals("CLIENT", span.kindName());
    assertEquals(1_700_000_000_123_456_789L, span.startNanos);
    assertEquals(10_000_000L, span.durationNanos());
    assertEquals(503L, span.attributes.get("http.response.status_code"));
    assertEquals("http://a/\u00e9", span.attributes.get("url.full"));
    assertEquals(false, span.attributes.get("ok"));
    assertEquals(1.5, span.attributes.get("d"));
    assertEquals("0102", span.attributes.get("raw"));
    assertEquals(Map.of("k", 7L), span.attributes.get("map"));
    assertEquals("exception", span.events.get(0).name);
    assertEquals("b7ad6b7169203331", span.links.get(0).spanId);
    assertTrue(span.isError());
    assertEquals("shop", span.service());
    assertEquals("dev.weft.okhttp", span.scope);
  }

  @Test
  void malformedRequestsAreRefused() {
    for (String body :
        List.of(
            "",
            "{",
            "[]",
            "{\"resourceSpans\":{}}",
            "{\"resourceSpans\":[1]}",
            "{\"resourceSpans\":[{\"scopeSpans\":[{\"spans\":[{\"traceId\":\"zz\",\"spanId\":\"00f067aa0ba902b7\"}]}]}]}",
            "{\"resourceSpans\":[{\"scopeSpans\":[{\"spans\":[{\"traceId\":\"4bf92f3577b34da6a3ce929d0e0e4736\","
                + "\"spanId\":\"00f067aa0ba902b7\",\"startTimeUnixNano\":\"soon\"}]}]}]}",
            "[".repeat(100_000),
            "{\"a\":1}x")) {
      assertThrows(MalformedInputException.class, () -> OtlpJson.decode(body), body);
    }
  }

  @Test
  void jsonValues() throws Exception {
    assertEquals(
        List.of(1L, -2.5, 1e300, "x\n\"", true, false),
        JsonReader.parse("[1,-2.5,1e300,\"x\\n\\\"\",true,false]"));
    assertEquals(12345678901234567890.0, JsonReader.parse("12345678901234567890"));
    assertThrows(MalformedInputException.class, () -> JsonReader.parse("01"));
    assertThrows(MalformedInputException.class, () -> JsonReader.parse("\"\\x\""));
    assertThrows(MalformedInputException.class, () -> JsonReader.parse("{\"a\" 1}"));
  }
}
