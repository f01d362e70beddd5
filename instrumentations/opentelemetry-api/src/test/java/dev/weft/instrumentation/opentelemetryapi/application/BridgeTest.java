package dev.weft.instrumentation.opentelemetryapi.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.baggage.Baggage;
import io.opentelemetry.api.baggage.propagation.W3CBaggagePropagator;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.ContextKey;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The bridge's logic without the agent: here the application's API and the agent's are the same classes, so the
 * "agent" side is the plain API over an SDK registered as global, and the application's side is this package's
 * classes, used directly ({@link BridgedContextStorage} stands for the application's context storage).
 */
class BridgeTest {

  private static final InMemorySpanExporter EXPORTED = InMemorySpanExporter.create();
  private static Tracer agentTracer;

  private final Tracer applicationTracer =
      ApplicationOpenTelemetry.INSTANCE.getTracer("app", "1.2");

  @BeforeAll
  static void registerSdk() {
    OpenTelemetrySdk sdk =
        OpenTelemetrySdk.builder()
            .setTracerProvider(
                SdkTracerProvider.builder()
                    .addSpanProcessor(SimpleSpanProcessor.create(EXPORTED))
                    .build())
            .setPropagators(
                ContextPropagators.create(
                    TextMapPropagator.composite(
                        W3CTraceContextPropagator.getInstance(),
                        W3CBaggagePropagator.getInstance())))
            .build();
    GlobalOpenTelemetry.set(sdk);
    agentTracer = sdk.getTracer("agent");
  }

  @BeforeEach
  void clear() {
    EXPORTED.reset();
  }

  @Test
  void catchesTheApisOwnSpanAndBaggageKeys() {
    Span span =
        Span.wrap(
            SpanContext.create(
                "0af7651916cd43dd8448eb211c80319c",
                "b7ad6b7169203331",
                TraceFlags.getSampled(),
                TraceState.getDefault()));
    Baggage baggage = Baggage.builder().put("k", "v").build();

    assertSame(span, Context.root().with(span).get(ContextKeys.SPAN));
    assertSame(baggage, Context.root().with(baggage).get(ContextKeys.BAGGAGE));
  }

  @Test
  void applicationSpanIsTheChildOfTheAgentsCurrentSpan() {
    Span server = agentTracer.spanBuilder("server").setSpanKind(SpanKind.SERVER).startSpan();
    try (Scope ignored = server.makeCurrent()) {
      Span current = Span.fromContext(BridgedContextStorage.INSTANCE.current());
      assertEquals(
          server.getSpanContext(),
          current.getSpanContext(),
          "the application sees the agent's span");
      applicationTracer.spanBuilder("work").startSpan().end();
    }
    server.end();

    SpanData work = exported("work");
    assertEquals(server.getSpanContext().getSpanId(), work.getParentSpanId());
    assertEquals(server.getSpanContext().getTraceId(), work.getTraceId());
    assertEquals("app", work.getInstrumentationScopeInfo().getName());
    assertEquals("1.2", work.getInstrumentationScopeInfo().getVersion());
  }

  @Test
  void applicationSpanMadeCurrentIsTheParentOfTheAgentsSpans() {
    Span work = applicationTracer.spanBuilder("work").startSpan();
    try (Scope ignored = BridgedContextStorage.INSTANCE.attach(Context.root().with(work))) {
      assertEquals(
          work.getSpanContext(),
          Span.current().getSpanContext(),
          "the agent sees the application's span");
      agentTracer.spanBuilder("client").setSpanKind(SpanKind.CLIENT).startSpan().end();
    }
    work.end();
    assertFalse(
        Span.current().getSpanContext().isValid(), "the scope restored the agent's context");

    assertEquals(work.getSpanContext().getSpanId(), exported("client").getParentSpanId());
  }

  @Test
  void spanCarriesAttributesEventsStatusExceptionsAndLinks() {
    SpanContext linked =
        SpanContext.createFromRemoteParent(
            "0af7651916cd43dd8448eb211c80319c",
            "b7ad6b7169203331",
            TraceFlags.getSampled(),
            TraceState.builder().put("vendor", "x").build());
    Span span =
        applicationTracer
            .spanBuilder("work")
            .setSpanKind(SpanKind.PRODUCER)
            .setNoParent()
            .setAttribute("s", "v")
            .setAttribute("l", 7L)
            .setAttribute(AttributeKey.stringArrayKey("sa"), List.of("a", "b"))
            .setAttribute(AttributeKey.doubleArrayKey("da"), List.of(1.5))
            .addLink(linked, Attributes.of(AttributeKey.stringKey("why"), "batch"))
            .startSpan();
    span.setAttribute("d", 2.5);
    span.setAttribute("b", true);
    span.setAttribute(AttributeKey.longArrayKey("la"), List.of(1L, 2L));
    span.setAttribute(AttributeKey.booleanArrayKey("ba"), List.of(true));
    span.addEvent("cache miss", Attributes.of(AttributeKey.longKey("size"), 3L));
    span.recordException(new IllegalStateException("boom"));
    span.setStatus(StatusCode.ERROR, "failed");
    span.updateName("renamed");
    span.end();

    SpanData data = exported("renamed");
    assertEquals(io.opentelemetry.api.trace.SpanKind.PRODUCER, data.getKind());
    Attributes attributes = data.getAttributes();
    assertEquals("v", attributes.get(AttributeKey.stringKey("s")));
    assertEquals(7L, attributes.get(AttributeKey.longKey("l")));
    assertEquals(2.5, attributes.get(AttributeKey.doubleKey("d")));
    assertEquals(true, attributes.get(AttributeKey.booleanKey("b")));
    assertEquals(List.of("a", "b"), attributes.get(AttributeKey.stringArrayKey("sa")));
    assertEquals(List.of(1.5), attributes.get(AttributeKey.doubleArrayKey("da")));
    assertEquals(List.of(1L, 2L), attributes.get(AttributeKey.longArrayKey("la")));
    assertEquals(List.of(true), attributes.get(AttributeKey.booleanArrayKey("ba")));
    EventData cacheMiss = data.getEvents().get(0);
    assertEquals("cache miss", cacheMiss.getName());
    assertEquals(3L, cacheMiss.getAttributes().get(AttributeKey.longKey("size")));
    assertEquals("exception", data.getEvents().get(1).getName());
    assertEquals(
        "boom",
        data.getEvents().get(1).getAttributes().get(AttributeKey.stringKey("exception.message")));
    assertEquals(StatusCode.ERROR, data.getStatus().getStatusCode());
    assertEquals("failed", data.getStatus().getDescription());
    assertEquals(linked, data.getLinks().get(0).getSpanContext());
    assertEquals(
        "batch", data.getLinks().get(0).getAttributes().get(AttributeKey.stringKey("why")));
    assertEquals("0000000000000000", data.getParentSpanId());
  }

  @Test
  void spanContextOfAnApplicationSpanIsTheAgentSpans() {
    Span span = applicationTracer.spanBuilder("work").startSpan();
    SpanContext context = span.getSpanContext();
    span.end();

    SpanData data = exported("work");
    assertEquals(data.getSpanContext(), context);
    assertFalse(span.isRecording(), "ended");
  }

  @Test
  void explicitParentFromARemoteSpanContext() {
    SpanContext remote =
        SpanContext.createFromRemoteParent(
            "0af7651916cd43dd8448eb211c80319c",
            "b7ad6b7169203331",
            TraceFlags.getSampled(),
            TraceState.getDefault());
    applicationTracer
        .spanBuilder("work")
        .setParent(Context.root().with(Span.wrap(remote)))
        .startSpan()
        .end();

    SpanData data = exported("work");
    assertEquals("0af7651916cd43dd8448eb211c80319c", data.getTraceId());
    assertEquals("b7ad6b7169203331", data.getParentSpanId());
  }

  @Test
  void baggageIsOneAndTheSameOnBothSides() {
    Baggage applicationBaggage = Baggage.builder().put("tenant", "acme").build();
    try (Scope ignored =
        BridgedContextStorage.INSTANCE.attach(Context.root().with(applicationBaggage))) {
      assertEquals(
          "acme",
          Baggage.current().getEntryValue("tenant"),
          "the agent sees the application's baggage");
      try (Scope agentScope =
          Baggage.current().toBuilder().put("region", "eu").build().makeCurrent()) {
        Baggage seen = Baggage.fromContext(BridgedContextStorage.INSTANCE.current());
        assertEquals("acme", seen.getEntryValue("tenant"));
        assertEquals(
            "eu", seen.getEntryValue("region"), "the application sees the agent's baggage");
      }
    }
  }

  @Test
  void applicationOnlyKeysTravelInsideTheAgentsContext() throws Exception {
    ContextKey<String> tenant = ContextKey.named("tenant");
    Span work = applicationTracer.spanBuilder("work").startSpan();
    Context withValues = Context.root().with(tenant, "acme").with(work);
    try (Scope ignored = BridgedContextStorage.INSTANCE.attach(withValues)) {
      // the agent hands its context to another thread, as its executor instrumentation does
      Context agentContext = Context.current();
      String[] seen = new String[2];
      Thread other =
          new Thread(
              agentContext.wrap(
                  () -> {
                    Context applicationView = BridgedContextStorage.INSTANCE.current();
                    seen[0] = applicationView.get(tenant);
                    seen[1] = Span.fromContext(applicationView).getSpanContext().getSpanId();
                  }));
      other.start();
      other.join();
      assertEquals("acme", seen[0]);
      assertEquals(work.getSpanContext().getSpanId(), seen[1]);

      Context derived = BridgedContextStorage.INSTANCE.current().with(tenant, "other");
      assertEquals("other", derived.get(tenant));
      assertEquals(work.getSpanContext(), Span.fromContext(derived).getSpanContext());
    }
    work.end();
  }

  @Test
  void aSpanTheBridgeDidNotMakeComesBackAsItself() {
    Span foreign =
        Span.wrap(
            SpanContext.create(
                "0af7651916cd43dd8448eb211c80319c",
                "b7ad6b7169203331",
                TraceFlags.getSampled(),
                TraceState.getDefault()));
    try (Scope ignored = BridgedContextStorage.INSTANCE.attach(Context.root().with(foreign))) {
      assertEquals(
          foreign.getSpanContext(),
          Span.current().getSpanContext(),
          "the agent's span carries its context");
      assertSame(foreign, Span.fromContext(BridgedContextStorage.INSTANCE.current()));
      try (Scope agentScope = agentTracer.spanBuilder("client").startSpan().makeCurrent()) {
        Span seen = Span.fromContext(BridgedContextStorage.INSTANCE.current());
        assertEquals(
            Span.current().getSpanContext(), seen.getSpanContext(), "the agent's newer span wins");
      }
    }
    try (Scope ignored = BridgedContextStorage.INSTANCE.attach(bridgedContextWith(foreign))) {
      assertSame(foreign, Span.fromContext(BridgedContextStorage.INSTANCE.current()));
    }
  }

  /** A bridged context (the agent's span current) with the foreign span put in by {@code Context.with}. */
  private static Context bridgedContextWith(Span foreign) {
    Span server = agentTracer.spanBuilder("server").startSpan();
    try (Scope ignored = server.makeCurrent()) {
      return BridgedContextStorage.INSTANCE.current().with(foreign);
    } finally {
      server.end();
    }
  }

  @Test
  void tracerIsEnabledAsTheAgentsIs() {
    assertTrue(applicationTracer.isEnabled());
  }

  @Test
  void nothingCurrentIsTheApplicationsRoot() {
    assertNull(BridgedContextStorage.INSTANCE.current(), "Context.current() then answers the root");
  }

  @Test
  void propagatorsAreTheAgentsOverTheApplicationsCarriers() {
    Span work = applicationTracer.spanBuilder("work").startSpan();
    Context context =
        Context.root().with(work).with(Baggage.builder().put("tenant", "acme").build());
    Map<String, String> headers = new HashMap<>();
    ApplicationPropagators.INSTANCE.inject(context, headers, Map::put);
    work.end();

    assertTrue(
        headers
            .get("traceparent")
            .startsWith(
                "00-"
                    + work.getSpanContext().getTraceId()
                    + "-"
                    + work.getSpanContext().getSpanId()
                    + "-"),
        headers.toString());
    assertEquals("tenant=acme", headers.get("baggage"));
    assertTrue(ApplicationPropagators.INSTANCE.fields().contains("traceparent"));

    Context extracted =
        ApplicationPropagators.INSTANCE.extract(Context.root(), headers, new MapGetter());
    assertEquals(
        work.getSpanContext().getSpanId(),
        Span.fromContext(extracted).getSpanContext().getSpanId());
    assertTrue(Span.fromContext(extracted).getSpanContext().isRemote());
    assertEquals("acme", Baggage.fromContext(extracted).getEntryValue("tenant"));
  }

  @Test
  void repeatedFieldsOfTheApplicationsCarrierReachTheAgentsPropagatorsWhole() {
    Map<String, List<String>> headers = new HashMap<>();
    headers.put("baggage", List.of("tenant=acme", "region=eu"));

    Context extracted =
        ApplicationPropagators.INSTANCE.extract(
            Context.root(),
            headers,
            new TextMapGetter<Map<String, List<String>>>() {
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
            });

    assertEquals("acme", Baggage.fromContext(extracted).getEntryValue("tenant"));
    assertEquals("eu", Baggage.fromContext(extracted).getEntryValue("region"));
  }

  private static SpanData exported(String name) {
    List<SpanData> spans = EXPORTED.getFinishedSpanItems();
    for (SpanData span : spans) {
      if (span.getName().equals(name)) {
        return span;
      }
    }
    throw new AssertionError("no span " + name + " in " + spans);
  }

  private static final class MapGetter implements TextMapGetter<Map<String, String>> {
    @Override
    public Iterable<String> keys(Map<String, String> carrier) {
      return carrier.keySet();
    }

    @Override
    public String get(Map<String, String> carrier, String key) {
      return carrier == null ? null : carrier.get(key);
    }
  }
}
