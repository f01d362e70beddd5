package dev.weft.otlp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.KeyValue;
import io.opentelemetry.api.common.Value;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.exporter.internal.otlp.traces.LowAllocationTraceRequestMarshaler;
import io.opentelemetry.exporter.internal.otlp.traces.TraceRequestMarshaler;
import io.opentelemetry.sdk.common.InstrumentationScopeInfo;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.SpanLimits;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class SpanBatchMarshalerTest {

  private static final String NON_ASCII =
      "é中🙂\uD800x"; // 2, 3 and 4 UTF-8 bytes, and an unpaired surrogate

  @Test
  void writesTheBytesOfTheSdksMarshalerForSpansWithEveryField() throws IOException {
    List<SpanData> spans =
        spans(
            Resource.create(
                Attributes.of(AttributeKey.stringKey("service.name"), "shop"),
                "https://opentelemetry.io/schemas/1.37.0"),
            InstrumentationScopeInfo.builder("dev.weft.servlet")
                .setVersion("1.2.3")
                .setSchemaUrl("https://opentelemetry.io/schemas/1.37.0")
                .setAttributes(Attributes.of(AttributeKey.booleanKey("scope.flag"), true))
                .build());

    byte[] expected = sdkBytes(spans);
    assertArrayEquals(expected, weftBytes(new SpanBatchMarshaler(), spans));
    assertArrayEquals(expected, lowAllocationSdkBytes(spans));
  }

  @Test
  void writesSpansLongerThanTwoLengthBytesHold() throws IOException {
    char[] chars = new char[20_000];
    Arrays.fill(chars, 'a');
    InMemorySpanExporter exported = InMemorySpanExporter.create();
    SdkTracerProvider provider = provider(exported, Resource.getDefault());
    provider
        .get("big")
        .spanBuilder("big")
        .setAttribute("long.value", new String(chars))
        .startSpan()
        .end();
    List<SpanData> spans = exported.getFinishedSpanItems();

    assertArrayEquals(sdkBytes(spans), weftBytes(new SpanBatchMarshaler(), spans));
  }

  @Test
  void writesAnEmptyRequestForNoSpans() throws IOException {
    assertArrayEquals(
        sdkBytes(Collections.emptyList()),
        weftBytes(new SpanBatchMarshaler(), Collections.emptyList()));
  }

  @Test
  void groupsSpansByResourceThenScopeAsTheSdkDoes() throws IOException {
    Resource shop = Resource.create(Attributes.of(AttributeKey.stringKey("service.name"), "shop"));
    Resource cart =
        Resource.create(Attributes.of(AttributeKey.stringKey("service.name"), "cart"), "schema");
    InstrumentationScopeInfo servlet = InstrumentationScopeInfo.create("servlet");
    InstrumentationScopeInfo okhttp =
        InstrumentationScopeInfo.builder("okhttp").setVersion("4").build();
    List<SpanData> spans = new ArrayList<>();
    List<SpanData> shopServlet = spans(shop, servlet);
    List<SpanData> cartOkhttp = spans(cart, okhttp);
    List<SpanData> shopOkhttp = spans(shop, okhttp);
    for (int i = 0; i < shopServlet.size(); i++) {
      spans.add(shopServlet.get(i));
      spans.add(cartOkhttp.get(i));
      spans.add(shopOkhttp.get(i));
    }

    // the SDK orders resources and scopes by identity hash: compare the requests with each list
    // sorted
    assertEquals(canonical(sdkBytes(spans)), canonical(weftBytes(new SpanBatchMarshaler(), spans)));
  }

  @Test
  void writesTheNextBatchAfterReset() throws IOException {
    SpanBatchMarshaler marshaler = new SpanBatchMarshaler();
    List<SpanData> first =
        spans(
            Resource.create(Attributes.of(AttributeKey.stringKey("service.name"), "one")),
            InstrumentationScopeInfo.create("first"));
    List<SpanData> second = first.subList(0, 1);

    weftBytes(marshaler, first);
    marshaler.reset();

    assertArrayEquals(sdkBytes(second), weftBytes(marshaler, second));
  }

  /** Spans of every shape the SDK makes, of {@code resource} and {@code scope}. */
  private static List<SpanData> spans(Resource resource, InstrumentationScopeInfo scope) {
    InMemorySpanExporter exported = InMemorySpanExporter.create();
    SdkTracerProvider provider = provider(exported, resource);
    Tracer tracer =
        provider
            .tracerBuilder(scope.getName())
            .setInstrumentationVersion(scope.getVersion())
            .setSchemaUrl(scope.getSchemaUrl())
            .build();
    SpanContext remoteParent =
        SpanContext.createFromRemoteParent(
            "0af7651916cd43dd8448eb211c80319c",
            "b7ad6b7169203331",
            TraceFlags.getSampled(),
            TraceState.builder().put("vendor", "value").put("other", "x").build());
    SpanContext linked =
        SpanContext.create(
            "4bf92f3577b34da6a3ce929d0e0e4736",
            "00f067aa0ba902b7",
            TraceFlags.getDefault(),
            TraceState.builder().put("k", "v").build());

    Span server =
        tracer
            .spanBuilder("GET /chain " + NON_ASCII)
            .setParent(Context.root().with(Span.wrap(remoteParent)))
            .setSpanKind(SpanKind.SERVER)
            .setAttribute("http.request.method", "GET")
            .setAttribute("server.port", 8080L)
            .setAttribute("negative", -5L)
            .setAttribute("ratio", 0.25)
            .setAttribute("zero", 0.0)
            .setAttribute("ok", true)
            .setAttribute("not", false)
            .setAttribute("empty", "")
            .setAttribute("non.ascii", NON_ASCII)
            .setAttribute("non.ascii.key." + NON_ASCII, "v")
            .setAttribute("long", String.join("", Collections.nCopies(40, "0123456789")))
            .setAttribute(AttributeKey.stringArrayKey("strings"), Arrays.asList("a", "", NON_ASCII))
            .setAttribute(AttributeKey.longArrayKey("longs"), Arrays.asList(1L, -1L, 300L))
            .setAttribute(AttributeKey.booleanArrayKey("booleans"), Arrays.asList(true, false))
            .setAttribute(AttributeKey.doubleArrayKey("doubles"), Arrays.asList(1.5, -0.0))
            .setAttribute(AttributeKey.stringArrayKey("no.strings"), Collections.emptyList())
            .setAttribute(
                AttributeKey.valueKey("value.map"),
                Value.of(
                    KeyValue.of("s", Value.of("x")),
                    KeyValue.of("", Value.of(1L)),
                    KeyValue.of("list", Value.of(Value.of(true), Value.of(2.5), Value.empty())),
                    KeyValue.of("bytes", Value.of(new byte[] {1, 2, 3})),
                    KeyValue.of("no.bytes", Value.of(new byte[0]))))
            .setAttribute(AttributeKey.valueKey("value.empty"), Value.empty())
            .setAttribute(AttributeKey.valueKey("value.string"), Value.of("v"))
            .addLink(linked, Attributes.of(AttributeKey.stringKey("link.attribute"), "l"))
            .addLink(linked)
            .addLink(linked) // one more than the limit: dropped
            .setStartTimestamp(1_700_000_000_123_456_789L, TimeUnit.NANOSECONDS)
            .startSpan();
    for (int i = 0; i < 30; i++) {
      server.setAttribute("many." + i, i); // beyond the limit: dropped
    }
    server.addEvent(
        "exception " + NON_ASCII,
        Attributes.builder()
            .put("exception.type", "java.io.IOException")
            .put("one", 1)
            .put("two", 2)
            .put("three", 3) // beyond the limit per event: dropped
            .build());
    server.addEvent("", Attributes.empty(), 5L, TimeUnit.NANOSECONDS);
    server.addEvent("third");
    server.addEvent("fourth, dropped");
    server.setStatus(StatusCode.ERROR, "broken " + NON_ASCII);
    server.end(1_700_000_000_987_654_321L, TimeUnit.NANOSECONDS);

    Span client =
        tracer
            .spanBuilder("GET")
            .setParent(Context.root().with(server))
            .setSpanKind(SpanKind.CLIENT)
            .startSpan();
    client.setStatus(StatusCode.OK);
    client.end();
    tracer.spanBuilder("").setSpanKind(SpanKind.PRODUCER).setNoParent().startSpan().end();
    tracer.spanBuilder("consume").setSpanKind(SpanKind.CONSUMER).startSpan().end();
    tracer.spanBuilder("internal").startSpan().end();
    return exported.getFinishedSpanItems(); // exported as they end; closing would empty it
  }

  private static SdkTracerProvider provider(InMemorySpanExporter exported, Resource resource) {
    return SdkTracerProvider.builder()
        .setResource(resource)
        .setSpanLimits(
            SpanLimits.builder()
                .setMaxNumberOfAttributes(40)
                .setMaxNumberOfEvents(3)
                .setMaxNumberOfLinks(2)
                .setMaxNumberOfAttributesPerEvent(3)
                .build())
        .addSpanProcessor(SimpleSpanProcessor.create(exported))
        .build();
  }

  private static byte[] sdkBytes(Collection<SpanData> spans) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    TraceRequestMarshaler.create(spans).writeBinaryTo(bytes);
    return bytes.toByteArray();
  }

  private static byte[] lowAllocationSdkBytes(Collection<SpanData> spans) throws IOException {
    LowAllocationTraceRequestMarshaler marshaler = new LowAllocationTraceRequestMarshaler();
    marshaler.initialize(spans);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    marshaler.writeBinaryTo(bytes);
    return bytes.toByteArray();
  }

  private static byte[] weftBytes(SpanBatchMarshaler marshaler, Collection<SpanData> spans)
      throws IOException {
    marshaler.initialize(spans);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    marshaler.toBinaryMessageWriter().writeMessage(bytes);
    assertEquals(bytes.size(), marshaler.getBinarySerializedSize());
    assertEquals(bytes.size(), marshaler.getContentLength());
    return bytes.toByteArray();
  }

  /**
   * The request with the entries of its repeated {@code resource_spans} (1) and of their {@code scope_spans} (2)
   * sorted, each other field as it is: equal for two requests that differ only in those orders.
   */
  private static String canonical(byte[] request) {
    List<String> resourceSpans = new ArrayList<>();
    for (Map.Entry<Integer, List<byte[]>> field : fields(request).entrySet()) {
      assertEquals(1, field.getKey());
      for (byte[] entry : field.getValue()) {
        Map<Integer, List<byte[]>> resourceFields = fields(entry);
        List<String> scopeSpans = new ArrayList<>();
        for (byte[] scope : resourceFields.getOrDefault(2, Collections.emptyList())) {
          scopeSpans.add(Arrays.toString(scope));
        }
        Collections.sort(scopeSpans);
        resourceFields.remove(2);
        resourceSpans.add(describe(resourceFields) + scopeSpans);
      }
    }
    Collections.sort(resourceSpans);
    assertTrue(resourceSpans.size() > 1);
    return String.join("\n", resourceSpans);
  }

  private static String describe(Map<Integer, List<byte[]>> fields) {
    StringBuilder text = new StringBuilder();
    fields.forEach(
        (number, values) -> {
          for (byte[] value : values) {
            text.append(number).append('=').append(Arrays.toString(value)).append(' ');
          }
        });
    return text.toString();
  }

  /** The length-delimited fields of a message, by number (the request's levels have no others). */
  private static Map<Integer, List<byte[]>> fields(byte[] message) {
    Map<Integer, List<byte[]>> fields = new TreeMap<>();
    int[] position = {0};
    while (position[0] < message.length) {
      int tag = (int) varint(message, position);
      assertEquals(2, tag & 7);
      int length = (int) varint(message, position);
      fields
          .computeIfAbsent(tag >>> 3, number -> new ArrayList<>())
          .add(Arrays.copyOfRange(message, position[0], position[0] + length));
      position[0] += length;
    }
    return fields;
  }

  private static long varint(byte[] bytes, int[] position) {
    long value = 0;
    for (int shift = 0; ; shift += 7) {
      byte b = bytes[position[0]++];
      value |= (long) (b & 0x7F) << shift;
      if (b >= 0) {
        return value;
      }
    }
  }
}
