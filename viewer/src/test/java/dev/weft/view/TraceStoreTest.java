package dev.weft.view;

import static dev.weft.view.TestSpans.span;
import static dev.weft.view.TestSpans.traceId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class TraceStoreTest {

  private static List<String> held(TraceStore store) {
    return store.traces().stream()
        .map(trace -> trace.traceId)
        .sorted()
        .collect(Collectors.toList());
  }

  @Test
  void oldestTracesAreDroppedWholeWhenTheBoundIsReached() {
    TraceStore store = new TraceStore(5);
    store.add(List.of(span(1, 1, 0, "a", "r", 0, 10), span(1, 2, 1, "a", "c", 1, 2)), 0);
    store.add(List.of(span(2, 3, 0, "a", "r", 0, 10), span(2, 4, 3, "a", "c", 1, 2)), 0);
    store.add(List.of(span(3, 5, 0, "a", "r", 0, 10)), 0);
    assertEquals(5, store.stats().spans);

    store.add(List.of(span(3, 6, 5, "a", "c", 1, 2)), 0);

    assertEquals(List.of(traceId(2), traceId(3)), held(store));
    TraceStore.Stats stats = store.stats();
    assertEquals(4, stats.spans);
    assertEquals(2, stats.spansDropped);
    assertEquals(1, stats.tracesDropped);
    assertEquals(6, stats.spansReceived);
  }

  @Test
  void aTraceLargerThanTheBoundKeepsItsFirstSpansAndCountsTheRest() {
    TraceStore store = new TraceStore(3);
    store.add(List.of(span(1, 1, 0, "a", "old", 0, 1)), 0);
    store.add(
        List.of(
            span(2, 1, 0, "a", "r", 0, 10),
            span(2, 2, 1, "a", "c", 1, 2),
            span(2, 3, 1, "a", "c", 1, 2),
            span(2, 4, 1, "a", "c", 1, 2)),
        0);

    assertEquals(List.of(traceId(2)), held(store));
    assertEquals(3, store.trace(traceId(2)).spans.size());
    assertEquals(
        2, store.stats().spansDropped); // the old trace's span, and the fourth of the new one
    assertEquals(1, store.stats().tracesDropped);
  }

  @Test
  void aSpanReceivedTwiceIsKeptOnce() {
    TraceStore store = new TraceStore(10);
    store.add(List.of(span(1, 1, 0, "a", "r", 0, 10)), 0);
    store.add(List.of(span(1, 1, 0, "a", "r", 0, 10)), 0);
    assertEquals(1, store.trace(traceId(1)).spans.size());
    assertEquals(1, store.stats().spans);
  }

  @Test
  void aTraceIsTakenOnceWhenItHasBeenQuietLongEnough() {
    TraceStore store = new TraceStore(10);
    store.add(List.of(span(1, 1, 0, "a", "r", 0, 10)), 1_000);
    store.add(List.of(span(2, 1, 0, "a", "r", 0, 10)), 1_500);
    assertTrue(store.takeQuiet(1_900, 1_000).isEmpty());
    store.add(
        List.of(span(1, 2, 1, "a", "c", 1, 2)), 1_900); // more spans: the trace is not complete yet

    List<TraceSnapshot> quiet = store.takeQuiet(2_600, 1_000);

    assertEquals(
        List.of(traceId(2)),
        quiet.stream().map(trace -> trace.traceId).collect(Collectors.toList()));
    assertEquals(
        List.of(traceId(1)),
        store.takeQuiet(3_000, 1_000).stream()
            .map(trace -> trace.traceId)
            .collect(Collectors.toList()));
    assertEquals(2, store.trace(traceId(1)).spans.size());
    assertTrue(store.takeQuiet(10_000, 1_000).isEmpty());
  }

  @Test
  void theVersionChangesWithEveryAddition() {
    TraceStore store = new TraceStore(10);
    long before = store.stats().version;
    store.add(List.of(span(1, 1, 0, "a", "r", 0, 10)), 0);
    assertTrue(store.stats().version > before);
  }
}
