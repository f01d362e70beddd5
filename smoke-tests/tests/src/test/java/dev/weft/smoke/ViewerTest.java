package dev.weft.smoke;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/**
 * Weft View ({@code java -jar weft-agent.jar view}) receiving the spans of real applications under the agent: the
 * demo (three services over HTTP and Kafka, exporting http/protobuf, with Kafka poll spans linked to their
 * producers) and the Tomcat app (exporting gzip-compressed), and an OTLP/JSON export as another SDK sends it; its JSON
 * API; its page, rendered by headless Chromium; bad
 * requests refused and counted; the terminal waterfall; a clean stop.
 */
class ViewerTest {

  private static final HttpClient CLIENT = HttpClient.newHttpClient();

  /** One span in OTLP/JSON: hex ids, an enum as a number, 64-bit integers as strings. */
  private static final String JSON_EXPORT =
      "{\"resourceSpans\":[{\"resource\":{\"attributes\":[{\"key\":"
          + "\"service.name\",\"value\":{\"stringValue\":\"json-sender\"}}]},\"scopeSpans\":[{\"scope\":{\"name\":"
          + "\"manual\"},\"spans\":[{\"traceId\":\"5b8efff798038103d269b633813fc60c\",\"spanId\":\"eee19b7ec3c1b174\","
          + "\"name\":\"GET /orders/{id}\",\"kind\":2,\"startTimeUnixNano\":\"1700000000000000000\","
          + "\"endTimeUnixNano\":\"1700000000042000000\",\"attributes\":[{\"key\":\"http.response.status_code\","
          + "\"value\":{\"intValue\":\"200\"}}]}]}]}]}";

  @Test
  void showsTheTracesOfRealApplications() throws Exception {
    try (ViewerProcess viewer = ViewerProcess.start("--quiet-ms", "1000", "--max-body", "100000")) {
      try (AppProcess demo =
          AppProcess.jar(Path.of(System.getProperty("weft.demo.jar")))
              .with("otel.exporter.otlp.endpoint", viewer.otlpEndpoint())
              .with("otel.instrumentation.kafka.poll-spans.enabled", "true")
              .start()) {
        assertEquals(0, demo.awaitExit(), demo.stderr());
      }
      try (AppProcess shop =
          AppProcess.app("TomcatApp")
              .with("otel.exporter.otlp.endpoint", viewer.otlpEndpoint())
              .with("otel.exporter.otlp.compression", "gzip")
              .with("otel.service.name", "shop")
              .start()) {
        int port = shop.port();
        assertEquals(200, Http.get(port, "/shop/chain/okhttp?port=" + port).statusCode());
        assertEquals(500, Http.get(port, "/shop/fail").statusCode());
        shop.stop();
      }
      // what a sender in another language might send: OTLP/JSON
      assertEquals(
          200, post(viewer, "application/json", JSON_EXPORT.getBytes(StandardCharsets.UTF_8)));
      String page = viewer.pageUrl();

      // the API: each greeting one trace across the three services; the shop's two traces
      JsonObject list =
          awaitList(
              page,
              traces ->
                  roots(traces, "weft-demo", "GET").size() == 3
                      && roots(traces, "weft-demo", "GET").stream()
                          .map(t -> t.get("spanCount").getAsInt())
                          .sorted()
                          .collect(Collectors.toList())
                          .equals(List.of(4, 6, 6))
                      && !roots(traces, "weft-demo-mailer", "poll greetings").isEmpty()
                      && roots(traces, "shop", "GET /shop/chain/*").size() == 1
                      && roots(traces, "shop", "GET /shop/fail").size() == 1
                      && roots(traces, "shop", "GET /shop/chain/*")
                              .get(0)
                              .get("spanCount")
                              .getAsInt()
                          == 3
                      && roots(traces, "json-sender", "GET /orders/{id}").size() == 1);
      JsonArray traces = list.getAsJsonArray("traces");
      JsonObject greeting =
          roots(traces, "weft-demo", "GET").stream()
              .filter(t -> t.get("spanCount").getAsInt() == 6)
              .findFirst()
              .orElseThrow();
      assertEquals(
          List.of("weft-demo", "weft-demo-names", "weft-demo-mailer"),
          strings(greeting, "services"));
      JsonObject trace = json(page + "api/trace/" + greeting.get("traceId").getAsString());
      List<JsonObject> spans = objects(trace.getAsJsonArray("spans"));
      assertEquals(
          List.of(
              "CLIENT GET weft-demo 0",
              "SERVER GET /greet/* weft-demo 1",
              "CLIENT GET weft-demo 2",
              "SERVER GET /names/* weft-demo-names 3",
              "PRODUCER send greetings weft-demo 2",
              "CONSUMER process greetings weft-demo-mailer 3"),
          spans.stream()
              .map(
                  s ->
                      s.get("kind").getAsString()
                          + " "
                          + s.get("name").getAsString()
                          + " "
                          + s.get("service").getAsString()
                          + " "
                          + s.get("depth").getAsInt())
              .collect(Collectors.toList()));
      JsonObject consumer = spans.get(5);
      JsonObject producer = spans.get(4);
      JsonObject fail = roots(traces, "shop", "GET /shop/fail").get(0);
      JsonObject chain = roots(traces, "shop", "GET /shop/chain/*").get(0);
      assertEquals(1, fail.get("errors").getAsInt());
      JsonObject pollTrace =
          json(
              page
                  + "api/trace/"
                  + roots(traces, "weft-demo-mailer", "poll greetings")
                      .get(0)
                      .get("traceId")
                      .getAsString());
      JsonObject poll = objects(pollTrace.getAsJsonArray("spans")).get(0);
      List<JsonObject> links = objects(poll.getAsJsonArray("links"));
      assertFalse(links.isEmpty(), poll.toString());

      // the bad requests: refused, counted, shown
      assertEquals(
          400, post(viewer, "application/x-protobuf", new byte[] {(byte) 0xff, (byte) 0xff}));
      assertEquals(415, post(viewer, "text/plain", "hello".getBytes()));
      assertEquals(413, post(viewer, "application/json", new byte[200_000]));
      JsonObject rejected =
          json(page + "api/traces").getAsJsonObject("stats").getAsJsonObject("rejected");
      assertEquals(1, rejected.get("malformed").getAsInt());
      assertEquals(1, rejected.get("unsupportedMediaType").getAsInt());
      assertEquals(1, rejected.get("tooLarge").getAsInt());

      // the page in a real browser: the list, with every trace and the counts
      String listDom = Chromium.dumpDom(page, 5_000);
      for (JsonObject listed : objects(traces)) {
        assertTrue(
            listDom.contains("data-trace-id=\"" + listed.get("traceId").getAsString() + "\""),
            listDom);
      }
      assertTrue(
          listDom.contains("1 malformed (400), 1 too large (413), 1 wrong type (415)"), listDom);
      String filtered = Chromium.dumpDom(page + "?service=shop&errors=true", 5_000);
      assertTrue(
          filtered.contains("data-trace-id=\"" + fail.get("traceId").getAsString() + "\""),
          filtered);
      assertFalse(
          filtered.contains("data-trace-id=\"" + chain.get("traceId").getAsString() + "\""),
          filtered);
      assertFalse(
          filtered.contains("data-trace-id=\"" + greeting.get("traceId").getAsString() + "\""),
          filtered);

      // the waterfall with every span, and the consumer's details
      String waterfall =
          Chromium.dumpDom(
              page
                  + "trace/"
                  + greeting.get("traceId").getAsString()
                  + "?span="
                  + consumer.get("spanId").getAsString(),
              5_000);
      for (JsonObject span : spans) {
        assertTrue(
            waterfall.contains(
                "data-span-id=\""
                    + span.get("spanId").getAsString()
                    + "\" data-depth=\""
                    + span.get("depth").getAsInt()
                    + "\""),
            waterfall);
      }
      assertTrue(
          waterfall.contains(
              "<aside id=\"span-details\" data-span-id=\""
                  + consumer.get("spanId").getAsString()
                  + "\">"),
          waterfall);
      assertTrue(
          waterfall.contains(
              "<tr data-key=\"messaging.destination.name\"><td class=\"mono\">"
                  + "messaging.destination.name</td><td class=\"mono\">greetings</td></tr>"),
          waterfall);
      assertTrue(
          waterfall.contains(
              "<tr data-key=\"service.name\"><td class=\"mono\">service.name</td>"
                  + "<td class=\"mono\">weft-demo-mailer</td></tr>"),
          waterfall);

      // an error's exception event; a poll span's links to its producers' traces
      String failDom =
          Chromium.dumpDom(
              page
                  + "trace/"
                  + fail.get("traceId").getAsString()
                  + "?span="
                  + objects(
                          json(page + "api/trace/" + fail.get("traceId").getAsString())
                              .getAsJsonArray("spans"))
                      .get(0)
                      .get("spanId")
                      .getAsString(),
              5_000);
      assertTrue(failDom.contains("class=\"event exception\""), failDom);
      assertTrue(failDom.contains("java.lang.IllegalStateException"), failDom);
      String pollDom =
          Chromium.dumpDom(
              page
                  + "trace/"
                  + pollTrace.get("traceId").getAsString()
                  + "?span="
                  + poll.get("spanId").getAsString(),
              5_000);
      List<String> greetingIds =
          roots(traces, "weft-demo", "GET").stream()
              .map(t -> t.get("traceId").getAsString())
              .collect(Collectors.toList());
      for (JsonObject link : links) {
        assertTrue(greetingIds.contains(link.get("traceId").getAsString()), link.toString());
        assertTrue(
            pollDom.contains(
                "href=\"/trace/"
                    + link.get("traceId").getAsString()
                    + "?span="
                    + link.get("spanId").getAsString()
                    + "\""),
            pollDom);
      }
      assertTrue(
          links.stream()
                  .anyMatch(
                      link ->
                          link.get("spanId")
                              .getAsString()
                              .equals(producer.get("spanId").getAsString()))
              || links.size() < 2,
          links.toString());

      // the flow graph of the greeting workflow: nodes and edges, with their counts
      String graph = Chromium.dumpDom(page + "graph?workflow=weft-demo%20GET", 5_000);
      assertTrue(graph.contains("class=\"edge critical\""), graph);
      assertEquals(1, count(graph, "class=\"node bottleneck"), graph);
      for (String node :
          List.of(
              "data-node=\"weft-demo GET\" data-depth=\"0\" data-count=\"3\"",
              "data-node=\"weft-demo GET /greet/*\" data-depth=\"1\" data-count=\"3\"",
              "data-node=\"weft-demo GET\" data-depth=\"2\" data-count=\"3\"",
              "data-node=\"weft-demo-names GET /names/*\" data-depth=\"3\" data-count=\"3\"",
              "data-node=\"weft-demo send greetings\" data-depth=\"2\" data-count=\"2\"",
              "data-node=\"weft-demo-mailer process greetings\" data-depth=\"3\" data-count=\"2\"")) {
        assertTrue(graph.contains(node), node + " in " + graph);
      }
      for (String edge :
          List.of(
              "data-from=\"weft-demo GET\" data-to=\"weft-demo GET /greet/*\" data-count=\"3\"",
              "data-from=\"weft-demo GET /greet/*\" data-to=\"weft-demo GET\" data-count=\"3\"",
              "data-from=\"weft-demo GET\" data-to=\"weft-demo-names GET /names/*\" data-count=\"3\"",
              "data-from=\"weft-demo GET /greet/*\" data-to=\"weft-demo send greetings\" data-count=\"2\"",
              "data-from=\"weft-demo send greetings\" data-to=\"weft-demo-mailer process greetings\" "
                  + "data-count=\"2\"")) {
        assertTrue(graph.contains(edge), edge + " in " + graph);
      }
      assertFalse(graph.contains("data-node=\"shop "), "another workflow's node: " + graph);

      // the terminal: each trace printed once as a waterfall, with the page's address
      String greetingId = greeting.get("traceId").getAsString();
      awaitTrue(() -> viewer.stdout().contains("  " + page + "trace/" + greetingId));
      String stdout = viewer.stdout();
      assertEquals(1, count(stdout, "trace " + greetingId + "\n"), stdout);
      assertTrue(stdout.contains("weft-demo: GET  "), stdout);
      assertTrue(
          stdout.matches(
              "(?s).*\\n  [\u00b7\u2588]{32} +[0-9.]+ m?s  CONSUMER  weft-demo-mailer {8}"
                  + "process greetings\\n.*"),
          stdout);

      assertEquals(143, viewer.stop()); // SIGTERM, after the shutdown hook
      assertTrue(viewer.stdout().contains("Weft View stopped: "), viewer.stdout());
      assertEquals("", viewer.stderr());
    }
  }

  private static int post(ViewerProcess viewer, String contentType, byte[] body) throws Exception {
    return CLIENT
        .send(
            HttpRequest.newBuilder(URI.create(viewer.otlpEndpoint() + "/v1/traces"))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build(),
            HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }

  private static JsonObject json(String url) throws Exception {
    HttpResponse<String> response =
        CLIENT.send(
            HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(200, response.statusCode(), url + ": " + response.body());
    return JsonParser.parseString(response.body()).getAsJsonObject();
  }

  /** The trace list once {@code condition} holds for its traces (within 30 s). */
  private static JsonObject awaitList(String page, Predicate<JsonArray> condition)
      throws Exception {
    long deadline = System.nanoTime() + 30_000_000_000L;
    JsonObject list;
    do {
      list = json(page + "api/traces");
      if (condition.test(list.getAsJsonArray("traces"))) {
        return list;
      }
      Thread.sleep(100);
    } while (System.nanoTime() < deadline);
    throw new AssertionError("the traces never matched: " + list);
  }

  private static void awaitTrue(java.util.function.BooleanSupplier condition)
      throws InterruptedException {
    long deadline = System.nanoTime() + 30_000_000_000L;
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not within 30 s");
      }
      Thread.sleep(100);
    }
  }

  private static List<JsonObject> roots(JsonArray traces, String service, String name) {
    return objects(traces).stream()
        .filter(
            t ->
                t.get("rootService").getAsString().equals(service)
                    && t.get("rootName").getAsString().equals(name))
        .collect(Collectors.toList());
  }

  private static List<JsonObject> objects(JsonArray array) {
    return StreamSupport.stream(array.spliterator(), false)
        .map(JsonElement::getAsJsonObject)
        .collect(Collectors.toList());
  }

  private static List<String> strings(JsonObject object, String member) {
    List<String> strings = new ArrayList<>();
    object.getAsJsonArray(member).forEach(element -> strings.add(element.getAsString()));
    return strings;
  }

  private static int count(String text, String part) {
    int count = 0;
    for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
      count++;
    }
    return count;
  }
}
