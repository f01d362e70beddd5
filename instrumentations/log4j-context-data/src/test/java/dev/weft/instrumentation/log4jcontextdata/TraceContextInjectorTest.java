package dev.weft.instrumentation.log4jcontextdata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Scope;
import java.util.List;
import org.apache.logging.log4j.ThreadContext;
import org.apache.logging.log4j.core.ContextDataInjector;
import org.apache.logging.log4j.core.config.Property;
import org.apache.logging.log4j.core.impl.ContextDataInjectorFactory;
import org.apache.logging.log4j.util.ReadOnlyStringMap;
import org.apache.logging.log4j.util.SortedArrayStringMap;
import org.apache.logging.log4j.util.StringMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Log4j's own injector wrapped as the advice wraps it. */
class TraceContextInjectorTest {

  private static final SpanContext SPAN =
      SpanContext.create(
          "0af7651916cd43dd8448eb211c80319c",
          "b7ad6b7169203331",
          TraceFlags.getSampled(),
          TraceState.getDefault());

  private final ContextDataInjector injector =
      TraceContextInjector.around(ContextDataInjectorFactory.createInjector());

  @AfterEach
  void clearThreadContext() {
    ThreadContext.clearMap();
  }

  private StringMap inject(List<Property> properties, StringMap reusable) {
    try (Scope ignored = Span.wrap(SPAN).makeCurrent()) {
      return injector.injectContextData(properties, reusable);
    }
  }

  @Test
  void addsTheCurrentSpansIdsToTheThreadContext() {
    ThreadContext.put("user", "ada");
    StringMap data = inject(List.of(), new SortedArrayStringMap());
    assertEquals("0af7651916cd43dd8448eb211c80319c", data.getValue("trace_id"));
    assertEquals("b7ad6b7169203331", data.getValue("span_id"));
    assertEquals("01", data.getValue("trace_flags"));
    assertEquals("ada", data.getValue("user"));
    assertNull(ThreadContext.get("trace_id"), "the thread context itself is left alone");
  }

  @Test
  void keepsLog4jsPropertiesBeside() {
    StringMap data = inject(List.of(Property.createProperty("p", "v")), new SortedArrayStringMap());
    assertEquals("v", data.getValue("p"));
    assertEquals("b7ad6b7169203331", data.getValue("span_id"));
  }

  @Test
  void writesIntoTheEventsOwnMapAndCopiesAFrozenOne() {
    StringMap reusable = new SortedArrayStringMap();
    assertSame(reusable, injectReturning(reusable, reusable));
    assertEquals("b7ad6b7169203331", reusable.getValue("span_id"));

    StringMap frozen = new SortedArrayStringMap();
    frozen.putValue("user", "ada");
    frozen.freeze();
    StringMap copied = injectReturning(frozen, new SortedArrayStringMap());
    assertEquals("b7ad6b7169203331", copied.getValue("span_id"));
    assertEquals("ada", copied.getValue("user"));
    assertFalse(frozen.containsKey("span_id"));
  }

  @Test
  void addsNothingWithoutACurrentSpan() {
    StringMap data = injector.injectContextData(List.of(), new SortedArrayStringMap());
    assertFalse(data.containsKey("trace_id"));
  }

  @Test
  void keepsATraceIdTheApplicationPutThere() {
    ThreadContext.put("trace_id", "own");
    assertEquals("own", inject(List.of(), new SortedArrayStringMap()).getValue("trace_id"));
  }

  @Test
  void wrapsOnce() {
    assertSame(injector, TraceContextInjector.around(injector));
  }

  /** What the wrapper makes of {@code returned}, the map an inner injector gives for {@code reusable}. */
  private static StringMap injectReturning(StringMap returned, StringMap reusable) {
    ContextDataInjector wrapped =
        TraceContextInjector.around(
            new ContextDataInjector() {
              @Override
              public StringMap injectContextData(List<Property> properties, StringMap given) {
                return returned;
              }

              @Override
              public ReadOnlyStringMap rawContextData() {
                return returned;
              }
            });
    try (Scope ignored = Span.wrap(SPAN).makeCurrent()) {
      return wrapped.injectContextData(List.of(), reusable);
    }
  }
}
