package dev.weft.instrumentation.logbackmdc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.LoggingEvent;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Scope;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TraceContextMapTest {

  private static final SpanContext SPAN =
      SpanContext.create(
          "0af7651916cd43dd8448eb211c80319c",
          "b7ad6b7169203331",
          TraceFlags.getSampled(),
          TraceState.getDefault());

  private static Map<String, String> inSpan(Map<String, String> mdc) {
    try (Scope ignored = Span.wrap(SPAN).makeCurrent()) {
      return TraceContextMap.withCurrentSpan(mdc);
    }
  }

  @Test
  void addsTheSpansIdsToTheMdc() {
    Map<String, String> map = inSpan(Map.of("user", "ada"));
    assertEquals(
        Map.of(
            "trace_id",
            "0af7651916cd43dd8448eb211c80319c",
            "span_id",
            "b7ad6b7169203331",
            "trace_flags",
            "01",
            "user",
            "ada"),
        new HashMap<>(map));
    assertEquals(4, map.size());
    assertEquals("ada", map.get("user"));
    assertEquals("01", map.get("trace_flags"));
    assertThrows(UnsupportedOperationException.class, () -> map.put("x", "y"));
  }

  @Test
  void aNullOrEmptyMdcGetsTheIdsAlone() {
    assertEquals(3, inSpan(null).size());
    assertEquals("b7ad6b7169203331", inSpan(Map.of()).get("span_id"));
  }

  @Test
  void leavesTheMdcAloneWithoutASpanOrWithItsOwnTraceIdOrOnceDone() {
    Map<String, String> mdc = Map.of("user", "ada");
    assertSame(mdc, TraceContextMap.withCurrentSpan(mdc));
    Map<String, String> own = Map.of("trace_id", "own");
    assertSame(own, inSpan(own));
    Map<String, String> done = inSpan(mdc);
    assertSame(
        done,
        TraceContextMap.withCurrentSpan(done),
        "a later call, on any thread, keeps the first ids");
  }

  @Test
  void serializesAsAPlainMap() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(inSpan(Map.of("user", "ada")));
    }
    Object read = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray())).readObject();
    assertEquals(HashMap.class, read.getClass());
    assertEquals("0af7651916cd43dd8448eb211c80319c", ((Map<?, ?>) read).get("trace_id"));
  }

  @Test
  void logbackPatternsReadTheIds() {
    LoggerContext context = new LoggerContext();
    PatternLayout layout = new PatternLayout();
    layout.setContext(context);
    layout.setPattern("%X{trace_id} %X{span_id} %X{trace_flags} %X{user} [%X] %msg");
    layout.start();
    LoggingEvent event =
        new LoggingEvent("fqcn", context.getLogger("test"), Level.INFO, "hello", null, null);
    event.setMDCPropertyMap(inSpan(Map.of("user", "ada")));

    assertEquals(
        "0af7651916cd43dd8448eb211c80319c b7ad6b7169203331 01 ada [trace_id=0af7651916cd43dd8448eb211c80319c, "
            + "span_id=b7ad6b7169203331, trace_flags=01, user=ada] hello",
        layout.doLayout(event));
  }
}
