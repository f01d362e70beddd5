package dev.weft.view;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * The JSON the page reads: {@code /api/traces} (the list, filtered, with the counts of the status line),
 * {@code /api/trace/{id}} (every span of one trace in waterfall order), {@code /api/graph} (the flow graph).
 * Times are milliseconds as decimals: epoch nanoseconds do not fit a JavaScript number.
 */
final class ViewApi {

  private static final int MAX_LISTED = 500;

  private final TraceStore store;
  private final ReceiverCounts counts;

  ViewApi(TraceStore store, ReceiverCounts counts) {
    this.store = store;
    this.counts = counts;
  }

  /**
   * Filters: {@code service} (a span of it), {@code name} (a span name containing it), {@code minMs},
   * {@code errors}; {@code limit}: at most this many traces listed (the newest), 500 at most.
   */
  String traces(Map<String, String> query) {
    String service = query.getOrDefault("service", "");
    String name = query.getOrDefault("name", "").toLowerCase(Locale.ROOT);
    double minMs = number(query.get("minMs"));
    boolean errorsOnly = "true".equals(query.get("errors"));
    TraceStore.Stats stats =
        store.stats(); // before the traces: the version never claims more than they show
    List<TraceSnapshot> traces = store.traces();
    TreeSet<String> services = new TreeSet<>();
    List<TraceSnapshot> matching = new ArrayList<>();
    for (TraceSnapshot trace : traces) {
      services.addAll(trace.services());
      if ((service.isEmpty() || trace.services().contains(service))
          && (name.isEmpty()
              || trace.spans.stream().anyMatch(s -> s.name.toLowerCase(Locale.ROOT).contains(name)))
          && trace.durationNanos() / 1e6 >= minMs
          && (!errorsOnly || trace.errorCount() > 0)) {
        matching.add(trace);
      }
    }
    matching.sort(Comparator.comparingLong(TraceSnapshot::startNanos).reversed());
    JsonWriter json = new JsonWriter().beginObject();
    stats(json, stats);
    json.name("services").beginArray();
    services.forEach(json::value);
    json.endArray().name("matched").value(matching.size()).name("traces").beginArray();
    int limit =
        (int)
            Math.min(
                MAX_LISTED, query.containsKey("limit") ? number(query.get("limit")) : MAX_LISTED);
    for (TraceSnapshot trace : matching.subList(0, Math.max(0, Math.min(limit, matching.size())))) {
      json.beginObject();
      summary(json, trace);
      json.endObject();
    }
    return json.endArray().endObject().toString();
  }

  private void stats(JsonWriter json, TraceStore.Stats stats) {
    json.name("version")
        .value(stats.version)
        .name("stats")
        .beginObject()
        .name("traces")
        .value(stats.traces)
        .name("spans")
        .value(stats.spans)
        .name("maxSpans")
        .value(stats.maxSpans)
        .name("spansReceived")
        .value(stats.spansReceived)
        .name("spansDropped")
        .value(stats.spansDropped)
        .name("tracesDropped")
        .value(stats.tracesDropped)
        .name("requestsAccepted")
        .value(counts.accepted.get())
        .name("rejected")
        .beginObject()
        .name("malformed")
        .value(counts.malformed.get())
        .name("tooLarge")
        .value(counts.tooLarge.get())
        .name("unsupportedMediaType")
        .value(counts.unsupportedMediaType.get())
        .name("wrongMethod")
        .value(counts.wrongMethod.get())
        .endObject()
        .endObject();
  }

  private static void summary(JsonWriter json, TraceSnapshot trace) {
    ViewSpan root = trace.root();
    json.name("traceId")
        .value(trace.traceId)
        .name("rootService")
        .value(root.service())
        .name("rootName")
        .value(root.name)
        .name("startEpochMs")
        .value(trace.startNanos() / 1e6)
        .name("durationMs")
        .value(trace.durationNanos() / 1e6)
        .name("spanCount")
        .value(trace.spans.size())
        .name("errors")
        .value(trace.errorCount())
        .name("services")
        .beginArray();
    trace.services().forEach(json::value);
    json.endArray();
  }

  /** The trace as JSON, or null when it is not held. */
  String trace(String traceId) {
    TraceSnapshot trace = store.trace(traceId);
    if (trace == null) {
      return null;
    }
    long start = trace.startNanos();
    JsonWriter json = new JsonWriter().beginObject();
    summary(json, trace);
    json.name("spans").beginArray();
    for (TraceSnapshot.Row row : trace.rows()) {
      ViewSpan span = row.span;
      json.beginObject()
          .name("spanId")
          .value(span.spanId)
          .name("parentSpanId")
          .value(span.parentSpanId)
          .name("name")
          .value(span.name)
          .name("kind")
          .value(span.kindName())
          .name("service")
          .value(span.service())
          .name("scope")
          .value(span.scope)
          .name("depth")
          .value(row.depth)
          .name("offsetMs")
          .value((span.startNanos - start) / 1e6)
          .name("durationMs")
          .value(span.durationNanos() / 1e6)
          .name("error")
          .value(span.isError())
          .name("statusMessage")
          .value(span.statusMessage)
          .name("attributes")
          .any(span.attributes)
          .name("events")
          .beginArray();
      for (ViewSpan.Event event : span.events) {
        json.beginObject()
            .name("name")
            .value(event.name)
            .name("offsetMs")
            .value((event.timeNanos - start) / 1e6)
            .name("attributes")
            .any(event.attributes)
            .endObject();
      }
      json.endArray().name("links").beginArray();
      for (ViewSpan.Link link : span.links) {
        json.beginObject()
            .name("traceId")
            .value(link.traceId)
            .name("spanId")
            .value(link.spanId)
            .name("held")
            .value(store.trace(link.traceId) != null)
            .name("attributes")
            .any(link.attributes)
            .endObject();
      }
      json.endArray().name("resource").any(span.resource.attributes).endObject();
    }
    return json.endArray().endObject().toString();
  }

  /** The flow graph of all traces held, or of those of one {@code workflow} (root service and span name). */
  String graph(Map<String, String> query) {
    String workflow = query.getOrDefault("workflow", "");
    Map<String, Integer> workflows = new LinkedHashMap<>();
    List<TraceSnapshot> selected = new ArrayList<>();
    for (TraceSnapshot trace : store.traces()) {
      String key = FlowGraph.workflow(trace);
      workflows.merge(key, 1, Integer::sum);
      if (workflow.isEmpty() || workflow.equals(key)) {
        selected.add(trace);
      }
    }
    FlowGraph graph = FlowGraph.of(selected);
    JsonWriter json =
        new JsonWriter()
            .beginObject()
            .name("workflow")
            .value(workflow)
            .name("traceCount")
            .value(graph.traceCount)
            .name("workflows")
            .beginArray();
    workflows.entrySet().stream()
        .sorted(
            Map.Entry.<String, Integer>comparingByValue()
                .reversed()
                .thenComparing(Map.Entry.comparingByKey()))
        .forEach(
            entry ->
                json.beginObject()
                    .name("key")
                    .value(entry.getKey())
                    .name("count")
                    .value(entry.getValue())
                    .endObject());
    json.endArray().name("nodes").beginArray();
    Map<FlowGraph.Node, Integer> index = new LinkedHashMap<>();
    for (FlowGraph.Node node : graph.nodes) {
      index.put(node, index.size());
      json.beginObject()
          .name("id")
          .value(index.get(node))
          .name("service")
          .value(node.service)
          .name("name")
          .value(node.name)
          .name("kind")
          .value(node.kind)
          .name("depth")
          .value(node.depth);
      figures(json, node);
      json.name("selfShare")
          .value(node.selfShare)
          .name("bottleneck")
          .value(node.bottleneck)
          .name("critical")
          .value(node.critical)
          .endObject();
    }
    json.endArray().name("edges").beginArray();
    for (FlowGraph.Edge edge : graph.edges) {
      json.beginObject()
          .name("from")
          .value(index.get(edge.from))
          .name("to")
          .value(index.get(edge.to));
      figures(json, edge);
      json.name("critical").value(edge.critical).endObject();
    }
    return json.endArray().endObject().toString();
  }

  private static void figures(JsonWriter json, FlowGraph.Figures figures) {
    json.name("count")
        .value(figures.count())
        .name("p50Ms")
        .value(figures.percentile(50) / 1e6)
        .name("p99Ms")
        .value(figures.percentile(99) / 1e6)
        .name("errorRate")
        .value(figures.errorRate());
  }

  private static double number(String value) {
    try {
      return value == null || value.isEmpty() ? 0 : Double.parseDouble(value);
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
