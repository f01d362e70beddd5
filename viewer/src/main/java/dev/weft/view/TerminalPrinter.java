package dev.weft.view;

import java.io.PrintStream;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Prints each trace once, as a {@link WaterfallText}, when it is complete: when it has received no span for the
 * quiet period. The default (6 s) is longer than the SDK's default export delay ({@code otel.bsp.schedule.delay},
 * 5 s), so that the spans other services export a batch later still make the trace they belong to.
 */
final class TerminalPrinter {

  private final TraceStore store;
  private final long quietMillis;
  private final PrintStream out;
  private final WaterfallText text;
  private final String pageUrl;
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(
          runnable -> {
            Thread thread = new Thread(runnable, "weft-view-terminal");
            thread.setDaemon(true);
            return thread;
          });

  TerminalPrinter(
      TraceStore store, long quietMillis, PrintStream out, boolean unicode, String pageUrl) {
    this.store = store;
    this.quietMillis = quietMillis;
    this.out = out;
    this.text = new WaterfallText(unicode);
    this.pageUrl = pageUrl;
  }

  void start() {
    long period = Math.max(50, Math.min(500, quietMillis / 4));
    timer.scheduleWithFixedDelay(this::printQuietTraces, period, period, TimeUnit.MILLISECONDS);
  }

  private void printQuietTraces() {
    try {
      List<TraceSnapshot> quiet = store.takeQuiet(System.currentTimeMillis(), quietMillis);
      quiet.sort(Comparator.comparingLong(TraceSnapshot::startNanos));
      for (TraceSnapshot trace : quiet) {
        out.print("\n" + text.render(trace, pageUrl));
      }
      out.flush();
    } catch (RuntimeException e) {
      // the next round tries again; a scheduled task that throws would never run again
      out.println("Weft View: could not print a trace: " + e);
    }
  }

  void stop() {
    timer.shutdownNow();
  }
}
