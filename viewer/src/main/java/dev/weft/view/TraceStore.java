package dev.weft.view;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;

/**
 * The spans received, grouped by trace, at most {@code maxSpans} in all. When a new span would pass the bound, the
 * traces received first are dropped whole (a half trace would mislead more than a missing one) and counted; a span
 * that cannot fit even then (its own trace holds them all) is dropped alone. A span received twice (an export
 * retried) is kept once.
 *
 * <p>All access is under this object's lock; readers get immutable {@link TraceSnapshot}s. The receiver adds one
 * export request at a time, the page and the terminal read a few times a second: a lock costs nothing here.
 */
final class TraceStore {

  private final int maxSpans;

  /** By trace id, in the order traces were first received: the first is the one dropped first. */
  private final LinkedHashMap<String, Trace> traces = new LinkedHashMap<>();

  private int spanCount;
  private long spansReceived;
  private long spansDropped;
  private long tracesDropped;

  /** Changes whenever spans are added or dropped, so the page re-renders only when something changed. */
  private long version;

  TraceStore(int maxSpans) {
    if (maxSpans < 1) {
      throw new IllegalArgumentException("maxSpans must be at least 1: " + maxSpans);
    }
    this.maxSpans = maxSpans;
  }

  synchronized void add(List<ViewSpan> spans, long nowMillis) {
    for (ViewSpan span : spans) {
      spansReceived++;
      Trace trace = traces.get(span.traceId);
      if (trace != null && trace.spanIds.contains(span.spanId)) {
        continue;
      }
      if (spanCount >= maxSpans && !makeRoom(span.traceId)) {
        spansDropped++;
        continue;
      }
      if (trace == null) {
        trace = new Trace(span.traceId);
        traces.put(span.traceId, trace);
      }
      trace.spans.add(span);
      trace.spanIds.add(span.spanId);
      trace.lastReceivedMillis = nowMillis;
      spanCount++;
    }
    version++;
  }

  /** Drops the oldest traces other than {@code keep} until one more span fits; false when that is impossible. */
  private boolean makeRoom(String keep) {
    Iterator<Trace> oldestFirst = traces.values().iterator();
    while (spanCount >= maxSpans && oldestFirst.hasNext()) {
      Trace trace = oldestFirst.next();
      if (!trace.traceId.equals(keep)) {
        oldestFirst.remove();
        spanCount -= trace.spans.size();
        spansDropped += trace.spans.size();
        tracesDropped++;
      }
    }
    return spanCount < maxSpans;
  }

  /** Every trace held, in no particular order. */
  synchronized List<TraceSnapshot> traces() {
    List<TraceSnapshot> snapshots = new ArrayList<>(traces.size());
    for (Trace trace : traces.values()) {
      snapshots.add(trace.snapshot());
    }
    return snapshots;
  }

  /** The trace, or null when it is not held. */
  synchronized TraceSnapshot trace(String traceId) {
    Trace trace = traces.get(traceId);
    return trace == null ? null : trace.snapshot();
  }

  /**
   * The traces not yet taken by this method that received no span in the last {@code quietMillis}: those the
   * terminal prints, each once. Spans that arrive for a trace after it was taken are shown on the page only.
   */
  synchronized List<TraceSnapshot> takeQuiet(long nowMillis, long quietMillis) {
    List<TraceSnapshot> quiet = new ArrayList<>();
    for (Trace trace : traces.values()) {
      if (!trace.taken && nowMillis - trace.lastReceivedMillis >= quietMillis) {
        trace.taken = true;
        quiet.add(trace.snapshot());
      }
    }
    return quiet;
  }

  synchronized Stats stats() {
    return new Stats(
        traces.size(), spanCount, maxSpans, spansReceived, spansDropped, tracesDropped, version);
  }

  /** Counts for the page's status line. */
  static final class Stats {
    final int traces;
    final int spans;
    final int maxSpans;
    final long spansReceived;
    final long spansDropped;
    final long tracesDropped;
    final long version;

    Stats(
        int traces,
        int spans,
        int maxSpans,
        long spansReceived,
        long spansDropped,
        long tracesDropped,
        long version) {
      this.traces = traces;
      this.spans = spans;
      this.maxSpans = maxSpans;
      this.spansReceived = spansReceived;
      this.spansDropped = spansDropped;
      this.tracesDropped = tracesDropped;
      this.version = version;
    }
  }

  private static final class Trace {
    final String traceId;
    final List<ViewSpan> spans = new ArrayList<>();
    final Set<String> spanIds = new HashSet<>();
    long lastReceivedMillis;
    boolean taken;

    Trace(String traceId) {
      this.traceId = traceId;
    }

    TraceSnapshot snapshot() {
      return new TraceSnapshot(traceId, List.copyOf(spans));
    }
  }
}
