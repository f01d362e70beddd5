package dev.weft.view;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The spans of one trace at one moment, and what the list, the waterfall and the graph derive from them: the
 * spans in tree order with their depth, the root, the services, the time range.
 *
 * <p>A span whose parent is not here (not received yet, dropped, or in a process that does not export to this
 * viewer) is shown as a root of its own, so nothing received is ever hidden.
 */
final class TraceSnapshot {

  private static final Comparator<ViewSpan> BY_START =
      Comparator.comparingLong((ViewSpan span) -> span.startNanos)
          .thenComparing(span -> span.spanId);

  final String traceId;
  final List<ViewSpan> spans;
  private List<Row> rows;

  TraceSnapshot(String traceId, List<ViewSpan> spans) {
    this.traceId = traceId;
    this.spans = spans;
  }

  /** A span and its depth in the tree (0 for a root). */
  static final class Row {
    final ViewSpan span;
    final int depth;

    Row(ViewSpan span, int depth) {
      this.span = span;
      this.depth = depth;
    }
  }

  /** Every span, parents before children, siblings by start time; depth-first, as a waterfall lists them. */
  List<Row> rows() {
    if (rows != null) {
      return rows;
    }
    Map<String, ViewSpan> byId = new HashMap<>();
    for (ViewSpan span : spans) {
      byId.put(span.spanId, span);
    }
    Map<String, List<ViewSpan>> children = new HashMap<>();
    List<ViewSpan> roots = new ArrayList<>();
    for (ViewSpan span : spans) {
      if (byId.containsKey(span.parentSpanId) && !span.parentSpanId.equals(span.spanId)) {
        children.computeIfAbsent(span.parentSpanId, id -> new ArrayList<>()).add(span);
      } else {
        roots.add(span);
      }
    }
    List<Row> ordered = new ArrayList<>(spans.size());
    Set<String> visited = new HashSet<>();
    roots.sort(BY_START);
    for (ViewSpan root : roots) {
      visit(root, 0, children, visited, ordered);
    }
    // spans in a parent cycle (only a broken sender makes one) reach no root: list them anyway
    for (ViewSpan span : spans) {
      if (!visited.contains(span.spanId)) {
        visit(span, 0, children, visited, ordered);
      }
    }
    rows = ordered;
    return ordered;
  }

  private static void visit(
      ViewSpan span,
      int depth,
      Map<String, List<ViewSpan>> children,
      Set<String> visited,
      List<Row> into) {
    // iterative, so that a trace thousands of spans deep cannot overflow the stack
    List<Row> stack = new ArrayList<>();
    stack.add(new Row(span, depth));
    while (!stack.isEmpty()) {
      Row row = stack.remove(stack.size() - 1);
      if (!visited.add(row.span.spanId)) {
        continue;
      }
      into.add(row);
      List<ViewSpan> kids = children.get(row.span.spanId);
      if (kids != null) {
        kids.sort(BY_START);
        for (int i = kids.size() - 1; i >= 0; i--) {
          stack.add(new Row(kids.get(i), row.depth + 1));
        }
      }
    }
  }

  /** The span the trace is named by: the earliest true root, else the earliest span whose parent is missing. */
  ViewSpan root() {
    ViewSpan orphan = null;
    for (Row row : rows()) { // roots come earliest first
      if (row.depth == 0 && row.span.parentSpanId.isEmpty()) {
        return row.span;
      }
      if (row.depth == 0 && orphan == null) {
        orphan = row.span;
      }
    }
    return orphan;
  }

  long startNanos() {
    long start = Long.MAX_VALUE;
    for (ViewSpan span : spans) {
      start = Math.min(start, span.startNanos);
    }
    return start;
  }

  long endNanos() {
    long end = Long.MIN_VALUE;
    for (ViewSpan span : spans) {
      end = Math.max(end, span.endNanos);
    }
    return end;
  }

  long durationNanos() {
    return endNanos() - startNanos();
  }

  /** The services, in the order of their first span in the waterfall. */
  Set<String> services() {
    Set<String> services = new LinkedHashSet<>();
    for (Row row : rows()) {
      services.add(row.span.service());
    }
    return services;
  }

  int errorCount() {
    int errors = 0;
    for (ViewSpan span : spans) {
      errors += span.isError() ? 1 : 0;
    }
    return errors;
  }
}
