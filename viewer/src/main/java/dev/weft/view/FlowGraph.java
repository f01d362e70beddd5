package dev.weft.view;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The request-flow graph, aggregated over the traces given (all held, or those of one workflow: one root service and
 * span name): a node is a service's operation (service, kind and span name) reached by one call path, an edge a call
 * from parent to child span. Spans of many traces that took the same path through the same operations fall on the
 * same nodes; the same operation reached by two paths (a service's client call at the root and again inside a
 * request, say) is two nodes, so the graph is a tree per entry point, never a cycle, and reads left to right.
 *
 * <p>A node's figures are those of its spans: count, p50 and p99 duration, error rate, and self time (its duration
 * less the part its children cover within it), whose share of all self time shows where time is spent; the node with
 * the most self time is the bottleneck. An edge's figures are those of the child spans on it. The critical path
 * follows, from the most frequent root, the edge whose child costs its caller most (p50 × calls per parent span).
 */
final class FlowGraph {

  final List<Node> nodes;
  final List<Edge> edges;
  final int traceCount;

  private FlowGraph(List<Node> nodes, List<Edge> edges, int traceCount) {
    this.nodes = nodes;
    this.edges = edges;
    this.traceCount = traceCount;
  }

  /** A workflow key: the root service and span name of a trace. */
  static String workflow(TraceSnapshot trace) {
    ViewSpan root = trace.root();
    return root.service() + " " + root.name;
  }

  static FlowGraph of(List<TraceSnapshot> traces) {
    Map<String, Node> nodes = new LinkedHashMap<>();
    Map<String, Edge> edges = new LinkedHashMap<>();
    for (TraceSnapshot trace : traces) {
      Map<String, ViewSpan> spans = new HashMap<>();
      Map<String, Node> nodeOfSpan = new HashMap<>();
      Map<String, Long> coveredByChildren = new HashMap<>();
      for (TraceSnapshot.Row row : trace.rows()) { // parents before their children
        ViewSpan span = row.span;
        spans.put(span.spanId, span);
        Node parent = row.depth == 0 ? null : nodeOfSpan.get(span.parentSpanId);
        String key =
            (parent == null ? "" : parent.key)
                + "\n"
                + span.kindName()
                + " "
                + span.service()
                + " "
                + span.name;
        Node node = nodes.computeIfAbsent(key, k -> new Node(k, span, row.depth));
        node.add(span);
        nodeOfSpan.put(span.spanId, node);
        if (parent != null) {
          edges.computeIfAbsent(key, k -> new Edge(parent, node)).add(span);
          ViewSpan caller = spans.get(span.parentSpanId);
          long covered =
              Math.min(span.endNanos, caller.endNanos)
                  - Math.max(span.startNanos, caller.startNanos);
          coveredByChildren.merge(caller.spanId, Math.max(0, covered), Long::sum);
        }
      }
      for (ViewSpan span : trace.spans) {
        long self = span.durationNanos() - coveredByChildren.getOrDefault(span.spanId, 0L);
        nodeOfSpan.get(span.spanId).selfNanos += Math.max(0, self);
      }
    }
    FlowGraph graph =
        new FlowGraph(
            new ArrayList<>(nodes.values()), new ArrayList<>(edges.values()), traces.size());
    graph.markBottleneckAndCriticalPath();
    return graph;
  }

  private void markBottleneckAndCriticalPath() {
    Node bottleneck = null;
    long totalSelf = 0;
    for (Node node : nodes) {
      totalSelf += node.selfNanos;
      if (bottleneck == null || node.selfNanos > bottleneck.selfNanos) {
        bottleneck = node;
      }
    }
    for (Node node : nodes) {
      node.selfShare = totalSelf == 0 ? 0 : (double) node.selfNanos / totalSelf;
    }
    if (bottleneck != null) {
      bottleneck.bottleneck = true;
    }
    Node current = null;
    for (Node node : nodes) {
      if (node.depth == 0 && (current == null || node.count() > current.count())) {
        current = node;
      }
    }
    while (current != null && !current.critical) {
      current.critical = true;
      Edge longest = null;
      for (Edge edge : edges) {
        if (edge.from == current
            && !edge.to.critical
            && (longest == null || edge.weight() > longest.weight())) {
          longest = edge;
        }
      }
      if (longest != null) {
        longest.critical = true;
      }
      current = longest == null ? null : longest.to;
    }
  }

  /** Durations and errors of a set of spans. */
  abstract static class Figures {
    private long[] durations = new long[8];
    private int count;
    private int errors;

    void add(ViewSpan span) {
      if (count == durations.length) {
        durations = Arrays.copyOf(durations, count * 2);
      }
      durations[count++] = span.durationNanos();
      errors += span.isError() ? 1 : 0;
    }

    int count() {
      return count;
    }

    double errorRate() {
      return count == 0 ? 0 : (double) errors / count;
    }

    /** The nearest-rank percentile of the durations, in nanoseconds. */
    long percentile(double percent) {
      if (count == 0) {
        return 0;
      }
      long[] sorted = Arrays.copyOf(durations, count);
      Arrays.sort(sorted);
      int rank = (int) Math.ceil(percent / 100 * count);
      return sorted[Math.max(0, rank - 1)];
    }
  }

  static final class Node extends Figures {
    /** The call path: the parent's key and this node's kind, service and name. */
    final String key;

    final String service;
    final String name;
    final String kind;
    final int depth;
    long selfNanos;
    double selfShare;
    boolean bottleneck;
    boolean critical;

    Node(String key, ViewSpan first, int depth) {
      this.key = key;
      this.service = first.service();
      this.name = first.name;
      this.kind = first.kindName();
      this.depth = depth;
    }
  }

  static final class Edge extends Figures {
    final Node from;
    final Node to;
    boolean critical;

    Edge(Node from, Node to) {
      this.from = from;
      this.to = to;
    }

    /** The child's time per parent span: what following this edge costs the caller on average. */
    double weight() {
      return (double) percentile(50) * count() / Math.max(1, from.count());
    }
  }
}
