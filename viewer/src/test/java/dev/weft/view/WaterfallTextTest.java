package dev.weft.view;

import static dev.weft.view.TestSpans.span;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class WaterfallTextTest {

  @Test
  void oneLinePerSpanIndentedByDepthWithABarOnTheTraceTimeScale() {
    TraceSnapshot trace =
        new TraceSnapshot(
            TestSpans.traceId(1),
            List.of(
                span(1, 1, 0, "demo", "GET", 0, 32),
                span(1, 2, 1, "demo", "GET /greet/*", 8, 24),
                span(1, 3, 2, "demo-names", "GET /names/*", 8, 16, ViewSpan.STATUS_ERROR)));

    String text = new WaterfallText(false).render(trace, "http://127.0.0.1:16686/");

    assertEquals(
        String.join(
            "\n",
            "demo: GET  32.0 ms, 3 spans, 2 services, 1 error  trace " + TestSpans.traceId(1),
            "  ################################    32.0 ms  SERVER    demo        GET",
            "  ........################........    16.0 ms  SERVER    demo          GET /greet/*",
            "  ........########................    8.00 ms  SERVER    demo-names      GET /names/*  ! error",
            "  http://127.0.0.1:16686/trace/" + TestSpans.traceId(1),
            ""),
        text);
  }
}
