package dev.weft.view;

import java.util.List;
import java.util.Map;

/** Spans for tests, with ids made from small numbers. */
final class TestSpans {

  private TestSpans() {}

  static String traceId(int n) {
    return String.format("%032x", n);
  }

  static String spanId(int n) {
    return n == 0 ? "" : String.format("%016x", n);
  }

  /** Span {@code id} of trace {@code trace}, child of span {@code parent} (0: a root), from start to end ms. */
  static ViewSpan span(
      int trace, int id, int parent, String service, String name, long startMs, long endMs) {
    return span(trace, id, parent, service, name, startMs, endMs, 0);
  }

  static ViewSpan span(
      int trace,
      int id,
      int parent,
      String service,
      String name,
      long startMs,
      long endMs,
      int status) {
    return new ViewSpan(
        traceId(trace),
        spanId(id),
        spanId(parent),
        name,
        2,
        startMs * 1_000_000L,
        endMs * 1_000_000L,
        status,
        "",
        "test",
        Map.of(),
        List.of(),
        List.of(),
        new ViewSpan.Resource(Map.of("service.name", service)));
  }
}
