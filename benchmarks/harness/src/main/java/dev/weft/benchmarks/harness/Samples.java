package dev.weft.benchmarks.harness;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Medians and ranges of a few measured values. */
final class Samples {

  private Samples() {}

  static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    int middle = sorted.size() / 2;
    return sorted.size() % 2 == 1
        ? sorted.get(middle)
        : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
  }

  static double min(List<Double> values) {
    return Collections.min(values);
  }

  static double max(List<Double> values) {
    return Collections.max(values);
  }

  /** {@code agent[i] / none[i]} for each round {@code i}: values measured side by side, so drift cancels out. */
  static List<Double> ratios(List<Double> agent, List<Double> none) {
    List<Double> ratios = new ArrayList<>();
    for (int i = 0; i < agent.size(); i++) {
      ratios.add(agent.get(i) / none.get(i));
    }
    return ratios;
  }

  /** {@code agent[i] - none[i]} for each round {@code i}. */
  static List<Double> differences(List<Double> agent, List<Double> none) {
    List<Double> differences = new ArrayList<>();
    for (int i = 0; i < agent.size(); i++) {
      differences.add(agent.get(i) - none.get(i));
    }
    return differences;
  }
}
