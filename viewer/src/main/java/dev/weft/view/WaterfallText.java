package dev.weft.view;

import java.util.List;
import java.util.Locale;

/**
 * A trace as text for the terminal: a heading line, then one line per span in waterfall order: a duration bar on
 * the trace's time scale, the duration, the kind, the service, and the name indented by depth; an error is marked.
 */
final class WaterfallText {

  private static final int BAR_WIDTH = 32;
  private static final int MAX_INDENT_DEPTH = 12;

  private final char full;
  private final char empty;

  /** @param unicode block characters for the bars; else {@code #} and {@code .}, for terminals that are not UTF-8 */
  WaterfallText(boolean unicode) {
    this.full = unicode ? '\u2588' : '#';
    this.empty = unicode ? '\u00b7' : '.';
  }

  String render(TraceSnapshot trace, String pageUrl) {
    ViewSpan root = trace.root();
    long start = trace.startNanos();
    long total = Math.max(1, trace.durationNanos());
    List<TraceSnapshot.Row> rows = trace.rows();
    int serviceWidth = 0;
    for (TraceSnapshot.Row row : rows) {
      serviceWidth = Math.max(serviceWidth, row.span.service().length());
    }
    int errors = trace.errorCount();
    StringBuilder text = new StringBuilder();
    text.append(root.service())
        .append(": ")
        .append(root.name)
        .append("  ")
        .append(millis(trace.durationNanos()))
        .append(", ")
        .append(rows.size())
        .append(rows.size() == 1 ? " span" : " spans")
        .append(", ")
        .append(trace.services().size())
        .append(trace.services().size() == 1 ? " service" : " services")
        .append(errors == 0 ? "" : ", " + errors + (errors == 1 ? " error" : " errors"))
        .append("  trace ")
        .append(trace.traceId)
        .append('\n');
    for (TraceSnapshot.Row row : rows) {
      ViewSpan span = row.span;
      int from = (int) Math.min(BAR_WIDTH - 1, (span.startNanos - start) * BAR_WIDTH / total);
      int to =
          (int)
              Math.max(
                  from + 1,
                  Math.min(BAR_WIDTH, ceilDiv((span.endNanos - start) * BAR_WIDTH, total)));
      text.append("  ");
      for (int i = 0; i < BAR_WIDTH; i++) {
        text.append(i >= from && i < to ? full : empty);
      }
      text.append(' ')
          .append(pad(millis(span.durationNanos()), 10, true))
          .append("  ")
          .append(pad(span.kindName(), 8, false))
          .append("  ")
          .append(pad(span.service(), serviceWidth, false))
          .append("  ")
          .append("  ".repeat(Math.min(row.depth, MAX_INDENT_DEPTH)))
          .append(span.name)
          .append(span.isError() ? "  ! error" : "")
          .append('\n');
    }
    if (pageUrl != null) {
      text.append("  ").append(pageUrl).append("trace/").append(trace.traceId).append('\n');
    }
    return text.toString();
  }

  private static long ceilDiv(long dividend, long divisor) {
    return -Math.floorDiv(-dividend, divisor);
  }

  static String millis(long nanos) {
    double ms = nanos / 1e6;
    if (ms >= 1000) {
      return String.format(Locale.ROOT, "%.2f s", ms / 1000);
    }
    return ms >= 100
        ? String.format(Locale.ROOT, "%.0f ms", ms)
        : ms >= 10
            ? String.format(Locale.ROOT, "%.1f ms", ms)
            : String.format(Locale.ROOT, "%.2f ms", ms);
  }

  private static String pad(String text, int width, boolean right) {
    if (text.length() >= width) {
      return text;
    }
    String spaces = " ".repeat(width - text.length());
    return right ? spaces + text : text + spaces;
  }
}
