package dev.weft.view;

import static dev.weft.view.TestSpans.span;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FlowGraphTest {

  /** Trace n: greet GET /greet (0-100) calls names GET /names (10-10+namesMs); a fifth of the calls fail. */
  private static TraceSnapshot trace(int n, long namesMs) {
    return new TraceSnapshot(
        TestSpans.traceId(n),
        List.of(
            span(n, 1, 0, "greet", "GET /greet", 0, 100),
            span(n, 2, 1, "greet", "GET", 10, 10 + namesMs),
            span(
                n,
                3,
                2,
                "names",
                "GET /names",
                11,
                9 + namesMs,
                n % 5 == 0 ? ViewSpan.STATUS_ERROR : 0)));
  }

  @Test
  void nodesAndEdgesAggregateEveryTrace() {
    List<TraceSnapshot> traces = new ArrayList<>();
    for (int n = 1; n <= 100; n++) {
      traces.add(trace(n, n % 2 == 0 ? 20 : 80));
    }

    FlowGraph graph = FlowGraph.of(traces);

    assertEquals(3, graph.nodes.size());
    assertEquals(2, graph.edges.size());
    FlowGraph.Node names = node(graph, "GET /names");
    assertEquals(100, names.count());
    assertEquals(2, names.depth);
    assertEquals(18_000_000L, names.percentile(50));
    assertEquals(78_000_000L, names.percentile(99));
    assertEquals(0.2, names.errorRate(), 1e-9);
    FlowGraph.Edge call = graph.edges.get(1);
    assertEquals("GET", call.from.name);
    assertEquals(names, call.to);
    assertEquals(100, call.count());
    assertEquals(0.2, call.errorRate(), 1e-9);
  }

  @Test
  void theBottleneckHasTheMostSelfTimeAndTheCriticalPathFollowsTheCostliestCall() {
    FlowGraph graph = FlowGraph.of(List.of(trace(1, 80), trace(2, 80)));

    // self time: /greet 100 - 80 = 20, GET 80 - 78 = 2, /names 78
    FlowGraph.Node names = node(graph, "GET /names");
    assertTrue(names.bottleneck);
    assertFalse(node(graph, "GET /greet").bottleneck);
    assertEquals(78.0 / 100, names.selfShare, 1e-9);
    assertTrue(graph.nodes.stream().allMatch(node -> node.critical));
    assertTrue(graph.edges.stream().allMatch(edge -> edge.critical));
  }

  private static FlowGraph.Node node(FlowGraph graph, String name) {
    return graph.nodes.stream().filter(node -> node.name.equals(name)).findFirst().orElseThrow();
  }
}
