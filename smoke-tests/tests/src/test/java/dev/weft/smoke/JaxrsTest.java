package dev.weft.smoke;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.proto.trace.v1.Status;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * What a JAX-RS application on Jersey must show under the agent: SERVER spans named by the resource method's
 * path template. Both applications serve the same resources (jersey3-app's {@code OrdersResource}); each request
 * carries a unique query string, by which the test finds its span.
 */
abstract class JaxrsTest extends ServerAppTest {

  private static final HttpClient CLIENT =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10))
          .build();

  /** The system property naming the application's jar. */
  abstract String jarProperty();

  @Override
  AppProcess.Builder application() {
    return AppProcess.jar(Path.of(System.getProperty(jarProperty())));
  }

  @Override
  void sendAnyRequest(String query) throws Exception {
    get("/orders", query);
  }

  /** The path the resources are under: the context path and the application path ("" at the root of both). */
  abstract String base();

  /** The route of a request no resource matched: the servlet mapping's, or null when it maps the whole context. */
  abstract String notFoundRoute();

  @Test
  void pathParameterGivesTheTemplateOfClassAndMethodPaths() throws Exception {
    String query = uniqueQuery();
    HttpResponse<String> response = get("/orders/42", query);
    assertEquals(200, response.statusCode());
    assertEquals("order 42", response.body());

    ReceivedSpan span = onlyServerSpan(query);
    assertEquals("GET " + base() + "/orders/{id}", span.name());
    assertEquals(base() + "/orders/{id}", span.attribute("http.route"));
    assertEquals(base() + "/orders/42", span.attribute("url.path"));
    assertEquals(200L, span.attribute("http.response.status_code"));
    assertEquals(Status.StatusCode.STATUS_CODE_UNSET, span.status());
  }

  @Test
  void classPathAloneIsTheRouteOfAMethodWithoutPath() throws Exception {
    String query = uniqueQuery();
    assertEquals(200, get("/orders", query).statusCode());

    ReceivedSpan span = serverSpan(query);
    assertEquals("GET " + base() + "/orders", span.name());
    assertEquals(base() + "/orders", span.attribute("http.route"));
  }

  @Test
  void postIsNamedByItsMethodAndRoute() throws Exception {
    String query = uniqueQuery();
    HttpResponse<String> response =
        CLIENT.send(
            HttpRequest.newBuilder(uri("/orders", query))
                .POST(HttpRequest.BodyPublishers.ofString("book"))
                .header("Content-Type", "text/plain")
                .timeout(Duration.ofSeconds(30))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(201, response.statusCode());
    assertEquals("created book", response.body());

    ReceivedSpan span = onlyServerSpan(query);
    assertEquals("POST " + base() + "/orders", span.name());
    assertEquals("POST", span.attribute("http.request.method"));
    assertEquals(base() + "/orders", span.attribute("http.route"));
    assertEquals(201L, span.attribute("http.response.status_code"));
  }

  @Test
  void literalPathIsPreferredToATemplate() throws Exception {
    String query = uniqueQuery();
    assertEquals(500, get("/orders/boom", query).statusCode());

    ReceivedSpan span = onlyServerSpan(query);
    assertEquals(
        "GET " + base() + "/orders/boom",
        span.name(),
        "an exception no mapper answers keeps the route");
    assertEquals(Status.StatusCode.STATUS_CODE_ERROR, span.status());
    assertEquals(500L, span.attribute("http.response.status_code"));
  }

  @Test
  void exceptionAnsweredByAnExceptionMapperKeepsTheRoute() throws Exception {
    String query = uniqueQuery();
    HttpResponse<String> response = get("/orders/42/out-of-stock", query);
    assertEquals(409, response.statusCode());
    assertEquals("order 42 is out of stock", response.body());

    ReceivedSpan span = onlyServerSpan(query);
    assertEquals("GET " + base() + "/orders/{id}/out-of-stock", span.name());
    assertEquals(base() + "/orders/{id}/out-of-stock", span.attribute("http.route"));
    assertEquals(409L, span.attribute("http.response.status_code"));
    assertEquals(Status.StatusCode.STATUS_CODE_UNSET, span.status(), "a 4xx is the client's error");
  }

  @Test
  void requestAFilterAnswersAfterMatchingKeepsTheRoute() throws Exception {
    String query = uniqueQuery();
    assertEquals(401, get("/orders/42", query, "X-Deny", "yes").statusCode());

    ReceivedSpan span = onlyServerSpan(query);
    assertEquals("GET " + base() + "/orders/{id}", span.name());
    assertEquals(401L, span.attribute("http.response.status_code"));
  }

  @Test
  void subResourceLocatorJoinsItsTemplateWithTheSubResourceMethods() throws Exception {
    String query = uniqueQuery();
    HttpResponse<String> response = get("/orders/42/items/7", query);
    assertEquals("item 7 of order 42", response.body());

    ReceivedSpan span = onlyServerSpan(query);
    assertEquals("GET " + base() + "/orders/{id}/items/{itemId}", span.name());
    assertEquals(base() + "/orders/{id}/items/{itemId}", span.attribute("http.route"));

    String again = uniqueQuery();
    assertEquals("item 8 of order 43", get("/orders/43/items/8", again).body());
    assertEquals("GET " + base() + "/orders/{id}/items/{itemId}", serverSpan(again).name());
  }

  @Test
  void requestNoResourceMatchesGetsNoRouteFromJaxrs() throws Exception {
    String query = uniqueQuery();
    assertEquals(404, get("/no/such/resource", query).statusCode());

    ReceivedSpan span = onlyServerSpan(query);
    if (notFoundRoute() == null) {
      assertEquals("GET", span.name());
      assertNull(span.attribute("http.route"));
    } else {
      assertEquals("GET " + notFoundRoute(), span.name(), "the servlet mapping's route stands");
      assertEquals(notFoundRoute(), span.attribute("http.route"));
    }
    assertEquals(404L, span.attribute("http.response.status_code"));
  }

  @Test
  void resourceCallingAnotherIsParentOfTheClientSpanAndItsServerSpan() throws Exception {
    String traceId = randomHex(32);
    String callerSpanId = randomHex(16);
    String query = uniqueQuery();
    HttpResponse<String> response =
        get(
            "/orders/42/via-client",
            query,
            "traceparent",
            "00-" + traceId + "-" + callerSpanId + "-01");
    assertEquals("via client: order 42", response.body());

    ReceivedSpan outer = serverSpan(query);
    assertEquals("GET " + base() + "/orders/{id}/via-client", outer.name());
    assertEquals(traceId, outer.traceId());
    assertEquals(callerSpanId, outer.parentSpanId());

    ReceivedSpan client =
        receiver.awaitOne(
            span ->
                span.kind() == Span.SpanKind.SPAN_KIND_CLIENT && span.traceId().equals(traceId));
    assertEquals(outer.spanId(), client.parentSpanId());
    ReceivedSpan inner =
        receiver.awaitOne(
            span ->
                span.kind() == Span.SpanKind.SPAN_KIND_SERVER
                    && span.parentSpanId().equals(client.spanId()));
    assertEquals(traceId, inner.traceId());
    assertEquals("GET " + base() + "/orders/{id}", inner.name());
    assertEquals(base() + "/orders/42", inner.attribute("url.path"));
  }

  private URI uri(String path, String query) {
    return URI.create("http://127.0.0.1:" + port + base() + path + "?" + query);
  }

  private HttpResponse<String> get(String path, String query, String... headers) throws Exception {
    return Http.get(port, base() + path + "?" + query, headers);
  }

  private static String randomHex(int digits) {
    StringBuilder hex = new StringBuilder(digits);
    while (hex.length() < digits) {
      hex.append(Integer.toHexString(ThreadLocalRandom.current().nextInt(1, 16)));
    }
    return hex.toString();
  }
}
