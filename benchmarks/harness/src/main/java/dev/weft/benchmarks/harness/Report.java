package dev.weft.benchmarks.harness;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/** The results as Markdown: the machine and versions, the overhead table, and the micro-benchmarks. */
final class Report {

  private static final String NOTHING = "–";

  private final Settings settings;
  private final List<String> machine;
  private final Results results;
  private final StringBuilder markdown = new StringBuilder();

  Report(Settings settings, List<String> machine, Results results) {
    this.settings = settings;
    this.machine = machine;
    this.results = results;
  }

  String markdown() {
    line("# Weft overhead");
    line("");
    if (settings.quick) {
      line(
          "**Quick run** (`benchmarks/run.sh --quick`): short loads and few rounds, to check the harness; "
              + "not figures to quote.");
      line("");
    }
    line(
        String.format(
            "Measured on %s by `benchmarks/run.sh%s`. Each cell: the median of %d interleaved rounds "
                + "(%d for the hello-world start-up), then (min–max). The \"vs none\" columns: the median of each "
                + "round's ratio to the same round without an agent, (min–max) of those ratios, and the median "
                + "difference. CPU time is split into the JIT compiler threads' part (compiling the application and "
                + "the agent, a one-time cost) and the rest (the steady cost); the servlet phases start once a warm-up "
                + "has left the JIT compilers quiet. What each figure means: README.md, section Overhead.",
            LocalDate.now(),
            settings.options.isEmpty() ? "" : " " + settings.options,
            settings.rounds,
            settings.helloWorldRuns));
    line("");
    for (String fact : machine) {
      line("- " + fact);
    }
    line("");
    overheadTable();
    if (settings.runs("servlet")) {
      breakdownTable();
    }
    if (settings.runs("jmh")) {
      microBenchmarkTables();
    }
    if (!results.warnings.isEmpty()) {
      line("");
      line("Warnings:");
      line("");
      for (String warning : results.warnings) {
        line("- " + warning);
      }
    }
    return markdown.toString();
  }

  private void overheadTable() {
    line(
        "| | "
            + Agent.NONE.label
            + " | "
            + Agent.WEFT.label
            + " | Weft vs none | "
            + Agent.OPENTELEMETRY.label
            + " | OpenTelemetry vs none | Weft target |");
    line("|---|---:|---:|---:|---:|---:|---|");
    for (Section section : Section.values()) {
      List<Quantity> quantities = results.quantities(section);
      if (quantities.isEmpty()) {
        continue; // a benchmark left out with --only
      }
      line("| **" + section.title(settings) + "** | | | | | | |");
      for (Quantity quantity : quantities) {
        String label =
            quantity == Quantity.SPANS_PER_REQUEST || quantity == Quantity.SPANS_PER_RECORD
                ? quantity.label + " (" + section.spansPerRequest + " expected)"
                : quantity.label;
        line(
            "| "
                + label
                + " | "
                + values(section, quantity, Agent.NONE)
                + " | "
                + values(section, quantity, Agent.WEFT)
                + " | "
                + versusNone(section, quantity, Agent.WEFT)
                + " | "
                + values(section, quantity, Agent.OPENTELEMETRY)
                + " | "
                + versusNone(section, quantity, Agent.OPENTELEMETRY)
                + " | "
                + target(section, quantity)
                + " |");
      }
    }
  }

  /**
   * Where Weft's cost goes, from the same interleaved rounds: its instrumentation alone (advice, context, header
   * extraction and injection, with every span unsampled), then spans recorded but not exported, then everything.
   */
  private void breakdownTable() {
    line("");
    line(
        "Breakdown of Weft's cost (same rounds): instrumentation alone (`otel.traces.sampler=always_off`: advice, "
            + "context, header extraction and injection, unsampled spans), spans recorded and ended but not exported (an "
            + "export queue of one span and a collector that refuses connections, so all but a few spans are dropped at "
            + "the queue; `otel.traces.exporter=none` would not do, the SDK then hands out its no-op tracer), and "
            + "everything (the Weft column above). Each cell: the median, then the median ratio to no agent and the "
            + "median difference.");
    line("");
    StringBuilder header = new StringBuilder("|");
    StringBuilder rule = new StringBuilder("|---|");
    for (Agent agent : Agent.BREAKDOWN) {
      header.append(" | ").append(agent.label);
      rule.append("---:|");
    }
    line(header.append(" |").toString());
    line(rule.toString());
    Section[] sections = {
      Section.CHAIN_SATURATED, Section.CHAIN_FIXED_RATE, Section.HELLO_SATURATED
    };
    Quantity[] quantities = {
      Quantity.CPU_PER_REQUEST,
      Quantity.CPU_PER_REQUEST_WITHOUT_JIT,
      Quantity.ALLOCATED_PER_REQUEST,
      Quantity.THROUGHPUT
    };
    for (Section section : sections) {
      for (Quantity quantity : quantities) {
        if (results.get(section, quantity, Agent.NONE).isEmpty()) {
          continue;
        }
        StringBuilder row =
            new StringBuilder("| " + section.title(settings) + ": " + quantity.label);
        for (Agent agent : Agent.BREAKDOWN) {
          List<Double> values = results.get(section, quantity, agent);
          row.append(" | ")
              .append(
                  values.isEmpty() ? NOTHING : number(Samples.median(values), quantity.decimals));
          if (agent != Agent.NONE) {
            row.append(" (").append(versusNoneBrief(section, quantity, agent)).append(')');
          }
        }
        line(row.append(" |").toString());
      }
    }
  }

  /** The median ratio to no agent and the median difference, without the range. */
  private String versusNoneBrief(Section section, Quantity quantity, Agent agent) {
    List<Double> none = results.get(section, quantity, Agent.NONE);
    List<Double> values = results.get(section, quantity, agent);
    if (none.isEmpty() || none.size() != values.size()) {
      return NOTHING;
    }
    return number(Samples.median(Samples.ratios(values, none)), 2)
        + "x, "
        + String.format(
            Locale.ROOT,
            "%+,." + quantity.decimals + "f",
            Samples.median(Samples.differences(values, none)));
  }

  private void microBenchmarkTables() {
    line("");
    line(
        "Micro-benchmarks (JMH, ns per operation ± 99.9% confidence half-width), called directly without an "
            + "agent: the OpenTelemetry SDK's hot paths (Weft ships this SDK) and Weft's own ones beside them:");
    line("");
    line("| Benchmark | ns/op |");
    line("|---|---:|");
    results.sdkBenchmarks.forEach(
        (name, score) -> line("| `" + name + "` | " + score(score) + " |"));
    line("");
    line(
        "Advice dispatch: an empty `javax.servlet.Filter.doFilter` called over and over inside one request that the "
            + "agent traces (a servlet's `service`), as every filter but the outermost is, so the servlet advice is "
            + "entered and left with nothing to trace; per nested call:");
    line("");
    line(
        "| | "
            + Agent.NONE.label
            + " | "
            + Agent.WEFT.label
            + " | "
            + Agent.OPENTELEMETRY.label
            + " |");
    line("|---|---:|---:|---:|");
    line(
        "| `AdviceDispatchBenchmark.emptyFilterInTracedRequest`, ns/op | "
            + score(results.adviceDispatch.get(Agent.NONE))
            + " | "
            + score(results.adviceDispatch.get(Agent.WEFT))
            + " | "
            + score(results.adviceDispatch.get(Agent.OPENTELEMETRY))
            + " |");
  }

  private String values(Section section, Quantity quantity, Agent agent) {
    List<Double> values = results.get(section, quantity, agent);
    if (values.isEmpty()) {
      return NOTHING;
    }
    String median = number(Samples.median(values), quantity.decimals);
    return values.size() == 1
        ? median
        : median
            + " ("
            + number(Samples.min(values), quantity.decimals)
            + "–"
            + number(Samples.max(values), quantity.decimals)
            + ")";
  }

  private String versusNone(Section section, Quantity quantity, Agent agent) {
    List<Double> none = results.get(section, quantity, Agent.NONE);
    List<Double> values = results.get(section, quantity, agent);
    if (none.isEmpty() || none.size() != values.size()) {
      return NOTHING;
    }
    List<Double> ratios = Samples.ratios(values, none);
    String difference =
        String.format(
            Locale.ROOT,
            "%+,." + quantity.decimals + "f",
            Samples.median(Samples.differences(values, none)));
    return number(Samples.median(ratios), 2)
        + "x ("
        + number(Samples.min(ratios), 2)
        + "–"
        + number(Samples.max(ratios), 2)
        + "), "
        + difference;
  }

  /** The targets for Weft; the figures are measured, never asserted. */
  private static String target(Section section, Quantity quantity) {
    if (quantity == Quantity.SPANS_PER_REQUEST || quantity == Quantity.SPANS_PER_RECORD) {
      return "all: " + section.spansPerRequest;
    }
    switch (section) {
      case START_UP:
        return quantity == Quantity.HELLO_WORLD_WALL
            ? "≤ +60 ms"
            : quantity == Quantity.FIRST_ANSWER
                ? "≤ +150 ms"
                : quantity == Quantity.SPRING_BOOT_FIRST_ANSWER ? "≤ +250 ms" : "";
      case CHAIN_SATURATED:
        return quantity == Quantity.THROUGHPUT ? "≥ 0.95x" : perRequestCpuTarget(quantity);
      case HELLO_SATURATED:
      case CHAIN_FIXED_RATE:
        return perRequestCpuTarget(quantity);
      case CHAIN_SLOW_COLLECTOR:
      case HELLO_SLOW_COLLECTOR:
        return quantity == Quantity.THROUGHPUT ? "≥ 0.95x of Weft, prompt collector" : "";
      case KAFKA_TRACED:
        return quantity == Quantity.CPU_PER_RECORD
                || quantity == Quantity.CPU_PER_RECORD_WITHOUT_JIT
            ? "≤ +1.5 µs"
            : "";
      case FOOTPRINT:
        return quantity == Quantity.PEAK_RSS || quantity == Quantity.PEAK_RSS_FIXED_HEAP
            ? "≤ +20 MB"
            : quantity == Quantity.JAR_SIZE ? "≤ 10 MB" : "";
      default:
        return "";
    }
  }

  private static String perRequestCpuTarget(Quantity quantity) {
    return quantity == Quantity.CPU_PER_REQUEST || quantity == Quantity.CPU_PER_REQUEST_WITHOUT_JIT
        ? "≤ 1.05x"
        : "";
  }

  private static String score(JmhScore score) {
    return Double.isNaN(score.error)
        ? number(score.nanos, 2)
        : number(score.nanos, 2) + " ± " + number(score.error, 2);
  }

  private static String number(double value, int decimals) {
    return String.format(Locale.ROOT, "%,." + decimals + "f", value);
  }

  private void line(String text) {
    markdown.append(text).append('\n');
  }
}
