package dev.weft.smoke;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.proto.trace.v1.Status;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A Tomcat request calls methods annotated {@code @WithSpan} (dev.weft.smoke.logback.Orders): each call is a span
 * under the request's SERVER span, named, kinded and attributed by its annotations, and the HTTP call made inside
 * one is that span's child: SERVER -> "place order" -> CLIENT -> SERVER.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WithSpanTest {

  private static final Path APP = Path.of(System.getProperty("weft.logback-app.dir"));

  private OtlpReceiver receiver;
  private AppProcess app;
  private ReceivedSpan server;

  @BeforeAll
  void callAnnotatedMethods() throws Exception {
    receiver = new OtlpReceiver();
    app =
        AppProcess.app(APP, "dev.weft.smoke.logback.LogbackApp", AppProcess.classpathOf(APP))
            .exportingTo(receiver)
            .with(
                "otel.instrumentation.opentelemetry-instrumentation-annotations.exclude-methods",
                "dev.weft.smoke.logback.Orders[excluded]")
            .start();
    assertEquals(200, Http.get(app.port(), "/shop/orders?request=1").statusCode(), app.stdout());
    server =
        receiver.awaitOne(
            span ->
                span.kind() == Span.SpanKind.SPAN_KIND_SERVER
                    && "/shop/orders".equals(span.attribute("url.path")));
  }

  @AfterAll
  void stop() throws Exception {
    app.close();
    receiver.close();
  }

  private ReceivedSpan childOfServer(String name) throws InterruptedException {
    return receiver.awaitOne(
        span -> span.name().equals(name) && span.parentSpanId().equals(server.spanId()));
  }

  @Test
  void aSpanPerCallNamedByTheAnnotationWithTheArgumentsAsAttributes() throws Exception {
    ReceivedSpan place = childOfServer("place order");
    assertEquals(Span.SpanKind.SPAN_KIND_INTERNAL, place.kind());
    assertEquals(server.traceId(), place.traceId());
    assertEquals(42L, place.attribute("order.id"));
    assertEquals(
        "ada", place.attribute("customer"), "named after the parameter, compiled with -parameters");
    assertFalse(place.attributes().containsKey("notAnAttribute"));
    assertEquals(Status.StatusCode.STATUS_CODE_UNSET, place.status());
  }

  @Test
  void theHttpCallInsideIsTheAnnotatedSpansChild() throws Exception {
    ReceivedSpan place = childOfServer("place order");
    ReceivedSpan client =
        receiver.awaitOne(
            span ->
                span.kind() == Span.SpanKind.SPAN_KIND_CLIENT
                    && span.parentSpanId().equals(place.spanId()));
    ReceivedSpan hello =
        receiver.awaitOne(
            span ->
                span.kind() == Span.SpanKind.SPAN_KIND_SERVER
                    && span.parentSpanId().equals(client.spanId()));
    assertEquals(server.traceId(), hello.traceId());
    assertEquals("/shop/hello", hello.attribute("url.path"));
  }

  @Test
  void defaultNameIsClassAndMethodAndTheKindIsTheAnnotations() throws Exception {
    assertEquals(Span.SpanKind.SPAN_KIND_PRODUCER, childOfServer("Orders.ship").kind());
  }

  @Test
  void anExceptionThrownMarksTheSpanAsFailed() throws Exception {
    ReceivedSpan fail = childOfServer("Orders.fail");
    assertEquals(Status.StatusCode.STATUS_CODE_ERROR, fail.status());
    assertEquals("java.lang.IllegalStateException", fail.attribute("error.type"));
    assertEquals("exception", fail.span().getEvents(0).getName());
  }

  @Test
  void aReturnedFutureEndsTheSpanWhenItCompletes() throws Exception {
    ReceivedSpan later = childOfServer("Orders.later");
    // the future is completed after the request's second HTTP call, made once later() had returned
    ReceivedSpan callAfter =
        receiver.awaitOne(
            span ->
                span.kind() == Span.SpanKind.SPAN_KIND_CLIENT
                    && span.parentSpanId().equals(server.spanId()));
    assertTrue(later.span().getStartTimeUnixNano() < callAfter.span().getStartTimeUnixNano());
    assertTrue(
        later.span().getEndTimeUnixNano() >= callAfter.span().getEndTimeUnixNano(),
        "ended when the future completed: " + later + " " + callAfter);
    assertEquals(Status.StatusCode.STATUS_CODE_UNSET, later.status());

    ReceivedSpan failing = childOfServer("Orders.laterFailing");
    assertTrue(failing.span().getEndTimeUnixNano() >= callAfter.span().getEndTimeUnixNano());
    assertEquals(Status.StatusCode.STATUS_CODE_ERROR, failing.status());
    assertEquals("java.lang.IllegalStateException", failing.attribute("error.type"));
  }

  @Test
  void theOlderExtensionAnnotationsWorkToo() throws Exception {
    assertEquals("kept", childOfServer("legacy").attribute("legacy.note"));
  }

  @Test
  void oneSpanPerCallAndNoneForAnExcludedMethod() {
    // the server span ends after every span of the request, so those were exported with it or
    // before
    List<String> children =
        receiver.matching(span -> span.parentSpanId().equals(server.spanId())).stream()
            .map(ReceivedSpan::name)
            .sorted()
            .toList();
    assertEquals(
        List.of(
            "GET",
            "Orders.fail",
            "Orders.later",
            "Orders.laterFailing",
            "Orders.ship",
            "legacy",
            "place order"),
        children);
    assertTrue(receiver.matching(span -> span.name().contains("excluded")).isEmpty());
  }
}
