package dev.weft.view;

import static dev.weft.view.TestSpans.span;
import static dev.weft.view.TestSpans.spanId;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class TraceSnapshotTest {

  @Test
  void rowsListParentsBeforeChildrenAndSiblingsByStart() {
    TraceSnapshot trace =
        new TraceSnapshot(
            TestSpans.traceId(1),
            List.of(
                span(1, 4, 2, "names", "GET /names/*", 3, 5),
                span(1, 3, 2, "greet", "send greetings", 6, 7),
                span(1, 2, 1, "greet", "GET /greet/*", 1, 9),
                span(1, 5, 2, "greet", "GET", 2, 6),
                span(1, 1, 0, "greet", "GET", 0, 10)));

    List<String> order =
        trace.rows().stream()
            .map(row -> row.span.spanId + "@" + row.depth)
            .collect(Collectors.toList());

    assertEquals(
        List.of(
            spanId(1) + "@0",
            spanId(2) + "@1",
            spanId(5) + "@2",
            spanId(4) + "@2",
            spanId(3) + "@2"),
        order);
    assertEquals(spanId(1), trace.root().spanId);
    assertEquals(List.of("greet", "names"), List.copyOf(trace.services()));
    assertEquals(10_000_000L, trace.durationNanos());
  }

  @Test
  void aSpanWhoseParentHasNotArrivedIsShownAsARootAndTheTrueRootNamesTheTrace() {
    TraceSnapshot trace =
        new TraceSnapshot(
            TestSpans.traceId(1),
            List.of(
                span(1, 7, 99, "mailer", "process greetings", 0, 2),
                span(1, 1, 0, "greet", "GET", 1, 10)));

    assertEquals(2, trace.rows().stream().filter(row -> row.depth == 0).count());
    assertEquals("GET", trace.root().name);
  }
}
