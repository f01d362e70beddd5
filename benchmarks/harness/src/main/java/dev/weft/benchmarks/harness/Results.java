package dev.weft.benchmarks.harness;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything measured, in the order measured: per row and configuration, one value per round, so that the values
 * of one round (run side by side, interleaved) can be paired.
 */
final class Results {

  private final Map<Section, Map<Quantity, Map<Agent, List<Double>>>> values =
      new EnumMap<>(Section.class);

  /** JMH results of the OpenTelemetry SDK's hot paths, by benchmark name. */
  final Map<String, JmhScore> sdkBenchmarks = new LinkedHashMap<>();

  /** JMH results of the advice dispatch benchmark, by configuration. */
  final Map<Agent, JmhScore> adviceDispatch = new EnumMap<>(Agent.class);

  /** What went wrong without stopping the run (failed requests), for the report. */
  final List<String> warnings = new ArrayList<>();

  void add(Section section, Quantity quantity, Agent agent, double value) {
    values
        .computeIfAbsent(section, s -> new EnumMap<>(Quantity.class))
        .computeIfAbsent(quantity, q -> new EnumMap<>(Agent.class))
        .computeIfAbsent(agent, a -> new ArrayList<>())
        .add(value);
  }

  /** The rows measured in {@code section}, in report order. */
  List<Quantity> quantities(Section section) {
    return new ArrayList<>(values.getOrDefault(section, Map.of()).keySet());
  }

  /** One value per round, in round order; empty when not measured for {@code agent}. */
  List<Double> get(Section section, Quantity quantity, Agent agent) {
    return values
        .getOrDefault(section, Map.of())
        .getOrDefault(quantity, Map.of())
        .getOrDefault(agent, List.of());
  }
}
