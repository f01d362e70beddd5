package dev.weft.instrumentation.annotations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.instrumentation.api.testing.RecordingSdk;
import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Scope;
import io.opentelemetry.instrumentation.annotations.SpanAttribute;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.lang.reflect.Method;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the advice does around a call, driven as the advice drives it, against an SDK exporting in memory. */
class MethodCallTest {

  private static final InMemorySpanExporter EXPORTED = RecordingSdk.install();

  @BeforeEach
  void clear() {
    EXPORTED.reset();
  }

  static class Service {
    @WithSpan(kind = SpanKind.CLIENT)
    String call(
        @SpanAttribute("item") String item, @SpanAttribute("count") int count, Object other) {
      return item;
    }

    @WithSpan
    CompletableFuture<String> later() {
      return null;
    }

    void untraced() {}
  }

  private static Method method(String name) {
    for (Method method : Service.class.getDeclaredMethods()) {
      if (method.getName().equals(name)) {
        return method;
      }
    }
    throw new AssertionError(name);
  }

  private static Object start(String name, Object... arguments) {
    return MethodCall.start(Service.class, TracedMethods.key(method(name)), arguments);
  }

  @Test
  void theKeyIsTheAdvicesOriginPattern() {
    assertEquals(
        "dev.weft.instrumentation.annotations.MethodCallTest$Service.call"
            + "(Ljava/lang/String;ILjava/lang/Object;)Ljava/lang/String;",
        TracedMethods.key(method("call")));
  }

  @Test
  void theSpanIsCurrentWhileTheMethodRunsAndAChildOfTheCaller() {
    Span caller = GlobalOpenTelemetry.getTracer("test").spanBuilder("caller").startSpan();
    Span inside;
    try (Scope ignored = caller.makeCurrent()) {
      Object call = start("call", "book", 3, new Object());
      inside = Span.current();
      MethodCall.end(call, "book", null);
      assertSame(caller, Span.current(), "the caller's context is back");
    }
    caller.end();

    SpanData span = EXPORTED.getFinishedSpanItems().get(0);
    assertEquals("Service.call", span.getName());
    assertEquals(SpanKind.CLIENT, span.getKind());
    assertEquals(inside.getSpanContext(), span.getSpanContext());
    assertEquals(caller.getSpanContext().getSpanId(), span.getParentSpanId());
    assertEquals("book", span.getAttributes().get(AttributeKey.stringKey("item")));
    assertEquals(3L, span.getAttributes().get(AttributeKey.longKey("count")));
    assertEquals(2, span.getAttributes().size());
  }

  @Test
  void anExceptionMarksTheSpanAsFailed() {
    Object call = start("call", null, 1, null);
    MethodCall.end(call, null, new IllegalStateException("boom"));

    SpanData span = EXPORTED.getFinishedSpanItems().get(0);
    assertEquals(StatusCode.ERROR, span.getStatus().getStatusCode());
    assertEquals(
        IllegalStateException.class.getName(),
        span.getAttributes().get(AttributeKey.stringKey("error.type")));
    assertEquals("exception", span.getEvents().get(0).getName());
    assertNull(
        span.getAttributes().get(AttributeKey.stringKey("item")),
        "a null argument sets no attribute");
  }

  @Test
  void aReturnedFutureEndsTheSpanWhenItCompletes() {
    CompletableFuture<String> succeeding = new CompletableFuture<>();
    MethodCall.end(start("later"), succeeding, null);
    CompletableFuture<String> failing = new CompletableFuture<>();
    MethodCall.end(start("later"), failing, null);
    assertTrue(EXPORTED.getFinishedSpanItems().isEmpty(), "both spans still open");

    succeeding.complete("done");
    failing.completeExceptionally(new IllegalArgumentException("late failure"));

    List<SpanData> spans = EXPORTED.getFinishedSpanItems();
    assertEquals(2, spans.size());
    assertEquals(StatusCode.UNSET, spans.get(0).getStatus().getStatusCode());
    assertEquals(StatusCode.ERROR, spans.get(1).getStatus().getStatusCode());
    assertEquals(
        IllegalArgumentException.class.getName(),
        spans.get(1).getAttributes().get(AttributeKey.stringKey("error.type")));
  }

  @Test
  void aMethodWithoutTheAnnotationGetsNoSpan() {
    assertNull(start("untraced"));
    MethodCall.end(null, null, null);
    assertTrue(EXPORTED.getFinishedSpanItems().isEmpty());
    assertFalse(Span.current().getSpanContext().isValid());
  }
}
