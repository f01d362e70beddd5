package dev.weft.agent.tracecontext;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.instrumentation.api.ByteValuesGetter;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The propagator as a service sees it: headers in, headers out. Cases from the W3C Trace Context Level 2 text
 * ("Processing Model", "traceparent Header Field Values", "tracestate Header Field Values").
 */
class TraceContextPropagatorTest {

  private static final String TRACE_ID = "12345678901234567890123456789012";
  private static final String PARENT = "00-" + TRACE_ID + "-1234567890123456-01";

  /** Header name to its values, in order: a header may be sent several times. */
  private static final TextMapGetter<Map<String, List<String>>> HEADERS =
      new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, List<String>> carrier) {
          return carrier.keySet();
        }

        @Override
        public String get(Map<String, List<String>> carrier, String key) {
          List<String> values = carrier.get(key);
          return values == null ? null : values.get(0);
        }

        @Override
        public Iterator<String> getAll(Map<String, List<String>> carrier, String key) {
          return carrier.getOrDefault(key, List.of()).iterator();
        }
      };

  /** The same headers held as UTF-8 bytes, as Kafka records hold them. */
  private static final ByteValuesGetter<Map<String, List<String>>> BYTE_HEADERS =
      new ByteValuesGetter<>() {
        @Override
        public byte[] getBytes(Map<String, List<String>> carrier, String key) {
          String value = HEADERS.get(carrier, key);
          return value == null ? null : value.getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public Iterable<String> keys(Map<String, List<String>> carrier) {
          return HEADERS.keys(carrier);
        }

        @Override
        public String get(Map<String, List<String>> carrier, String key) {
          return HEADERS.get(carrier, key);
        }

        @Override
        public Iterator<String> getAll(Map<String, List<String>> carrier, String key) {
          return HEADERS.getAll(carrier, key);
        }
      };

  /** The parent read from string headers, after checking that reading the same headers as bytes reads the same. */
  private static SpanContext extract(String... nameValuePairs) {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    for (int i = 0; i < nameValuePairs.length; i += 2) {
      headers
          .computeIfAbsent(nameValuePairs[i], name -> new ArrayList<>())
          .add(nameValuePairs[i + 1]);
    }
    SpanContext fromStrings =
        Span.fromContext(TraceContextPropagator.INSTANCE.extract(Context.root(), headers, HEADERS))
            .getSpanContext();
    SpanContext fromBytes =
        Span.fromContext(
                TraceContextPropagator.INSTANCE.extract(Context.root(), headers, BYTE_HEADERS))
            .getSpanContext();
    assertEquals(fromStrings.isValid(), fromBytes.isValid());
    assertEquals(fromStrings.getTraceId(), fromBytes.getTraceId());
    assertEquals(fromStrings.getSpanId(), fromBytes.getSpanId());
    assertEquals(fromStrings.getTraceFlags(), fromBytes.getTraceFlags());
    assertEquals(fromStrings.getTraceState(), fromBytes.getTraceState());
    assertEquals(fromStrings.isRemote(), fromBytes.isRemote());
    return fromStrings;
  }

  private static Map<String, String> inject(SpanContext span) {
    Map<String, String> headers = new HashMap<>();
    TraceContextPropagator.INSTANCE.inject(Context.root().with(Span.wrap(span)), headers, Map::put);
    return headers;
  }

  @Test
  void continuesTheTraceWithItsState() {
    SpanContext parent = extract("traceparent", PARENT, "tracestate", "foo=1,bar=2");
    assertTrue(parent.isRemote());
    assertEquals(TRACE_ID, parent.getTraceId());
    assertEquals("1234567890123456", parent.getSpanId());
    assertTrue(parent.isSampled());
    assertEquals("foo=1,bar=2", inject(parent).get("tracestate"));
    assertEquals(PARENT, inject(parent).get("traceparent"));
  }

  @Test
  void versionZeroWithMoreFieldsIsInvalid() {
    assertFalse(extract("traceparent", PARENT + "-what-the-future-will-be-like").isValid());
    assertFalse(extract("traceparent", PARENT + ".").isValid());
  }

  @Test
  void higherVersionIsReadByVersionZeroRulesAndWrittenAsVersionZero() {
    String future = "cc-" + TRACE_ID + "-1234567890123456-01";
    assertEquals(TRACE_ID, extract("traceparent", future).getTraceId());
    SpanContext withMore =
        extract("traceparent", future + "-what-the-future-will-be-like", "tracestate", "foo=1");
    assertEquals(TRACE_ID, withMore.getTraceId());
    assertEquals("1", withMore.getTraceState().get("foo"));
    assertEquals(PARENT, inject(withMore).get("traceparent"));
    // what follows the flags must begin with "-"
    assertFalse(extract("traceparent", future + ".what-the-future-will-be-like").isValid());
  }

  @Test
  void versionFfAndMalformedParentsAreInvalid() {
    assertFalse(extract("traceparent", "ff-" + TRACE_ID + "-1234567890123456-01").isValid());
    assertFalse(extract("traceparent", "0-" + TRACE_ID + "-1234567890123456-01").isValid());
    assertFalse(
        extract("traceparent", "00-00000000000000000000000000000000-1234567890123456-01")
            .isValid());
    assertFalse(extract("traceparent", "00-" + TRACE_ID + "-0000000000000000-01").isValid());
    assertFalse(
        extract(
                "traceparent",
                "00-" + TRACE_ID.toUpperCase().replace('1', 'A') + "-1234567890123456-01")
            .isValid());
    assertFalse(extract("traceparent", "00-" + TRACE_ID + "-1234567890123456-.0").isValid());
    assertFalse(extract("traceparent", "0g-" + TRACE_ID + "-1234567890123456-01").isValid());
    assertFalse(extract("traceparent", "00-" + TRACE_ID + "-123456789012345g-01").isValid());
    assertFalse(extract("traceparent", "00_" + TRACE_ID + "-1234567890123456-01").isValid());
    assertFalse(extract("traceparent", PARENT.substring(0, PARENT.length() - 1)).isValid());
    assertFalse(extract("traceparent", "").isValid());
    assertFalse(extract("traceparent", "00-" + TRACE_ID + "-123456789012345\u00e9-01").isValid());
  }

  @Test
  void flagsAreReadWholeAndWrittenAsTheyCame() {
    SpanContext unsampled = extract("traceparent", "00-" + TRACE_ID + "-1234567890123456-00");
    assertEquals("1234567890123456", unsampled.getSpanId());
    assertFalse(unsampled.isSampled());
    SpanContext unknownFlags = extract("traceparent", "00-" + TRACE_ID + "-1234567890123456-f3");
    assertTrue(unknownFlags.isSampled());
    assertEquals("f3", unknownFlags.getTraceFlags().asHex());
  }

  @Test
  void tracestateWithoutTraceparentIsDiscarded() {
    assertFalse(extract("tracestate", "foo=1").isValid());
  }

  @Test
  void repeatedTracestateHeadersAreOneList() {
    SpanContext parent =
        extract(
            "traceparent",
            PARENT,
            "tracestate",
            "foo=1,bar=2",
            "tracestate",
            "rojo=1,congo=2",
            "tracestate",
            "baz=3");
    assertEquals("foo=1,bar=2,rojo=1,congo=2,baz=3", inject(parent).get("tracestate"));
  }

  @Test
  void invalidTracestateKeepsTheParentAndDropsTheState() {
    SpanContext parent = extract("traceparent", PARENT, "tracestate", "@foo=1,bar=2");
    assertEquals(TRACE_ID, parent.getTraceId());
    assertTrue(parent.getTraceState().isEmpty());
    assertNull(inject(parent).get("tracestate"));
  }

  @Test
  void emptyTracestateIsAcceptedAndNotSent() {
    SpanContext parent = extract("traceparent", PARENT, "tracestate", "");
    assertEquals(TRACE_ID, parent.getTraceId());
    assertNull(inject(parent).get("tracestate"));
  }

  @Test
  void stateAddedByTheApplicationGoesFirst() {
    SpanContext parent = extract("traceparent", PARENT, "tracestate", "foo@=1,bar=2");
    TraceState updated =
        parent.getTraceState().toBuilder().put("bar", "3").put("weft", "x").build();
    SpanContext child =
        SpanContext.create(TRACE_ID, "abcdefabcdefabcd", TraceFlags.getSampled(), updated);
    assertEquals("weft=x,bar=3,foo@=1", inject(child).get("tracestate"));
  }

  @Test
  void nothingIsWrittenForAnInvalidContext() {
    assertTrue(inject(SpanContext.getInvalid()).isEmpty());
  }

  @Test
  void noParentLeavesTheContextAsItWas() {
    Context context = Context.root();
    assertSame(context, TraceContextPropagator.INSTANCE.extract(context, Map.of(), HEADERS));
  }
}
