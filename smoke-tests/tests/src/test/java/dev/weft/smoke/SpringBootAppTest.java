package dev.weft.smoke;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.proto.trace.v1.Status;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A Spring Boot application under the agent (the PetClinic-shaped app of smoke-tests/spring-boot-app, as an
 * executable jar): every SERVER span is named by the route of the Spring handler that served it. Each request
 * carries a unique query string, by which the test finds its span.
 */
abstract class SpringBootAppTest extends ServerAppTest {

  private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
  private static final String TRACEPARENT = "00-" + TRACE_ID + "-00f067aa0ba902b7-01";
  private static final HttpClient CLIENT =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  /** The system property holding the path of the application's jar. */
  abstract String jarProperty();

  /** The DispatcherServlet's servlet path: {@code ""} when mapped at {@code /}, else its prefix. */
  abstract String servletPath();

  /** Context path and servlet path: what every route of the application starts with. */
  private String base() {
    return "/petclinic" + servletPath();
  }

  @Override
  AppProcess.Builder application() {
    AppProcess.Builder builder = AppProcess.jar(Path.of(System.getProperty(jarProperty())));
    if (!servletPath().isEmpty()) {
      builder.argument("--spring.mvc.servlet.path=" + servletPath());
    }
    return builder;
  }

  @Override
  void sendAnyRequest(String query) throws Exception {
    send("GET", "/vets/1", query);
  }

  /** The endpoint that reads the owner from the database (JdbcTemplate, HikariCP, H2). */
  @Test
  void controllerMethodNamesTheSpanByItsTemplate() throws Exception {
    String query = uniqueQuery();
    HttpResponse<String> response = send("GET", "/owners/1", query, "traceparent", TRACEPARENT);
    assertEquals(200, response.statusCode());
    assertEquals("Franklin", response.body());

    ReceivedSpan span = onlyServerSpan(query);
    assertEquals("GET " + base() + "/owners/{ownerId}", span.name());
    assertEquals(base() + "/owners/{ownerId}", span.attribute("http.route"));
    assertEquals(base() + "/owners/1", span.attribute("url.path"));
    assertEquals(TRACE_ID, span.traceId());
    assertEquals(Status.StatusCode.STATUS_CODE_UNSET, span.status());

    // the query through Spring Boot's HikariCP pool: one CLIENT span under the route-named SERVER
    // span
    ReceivedSpan select = receiver.awaitOne(child -> child.parentSpanId().equals(span.spanId()));
    assertEquals(Span.SpanKind.SPAN_KIND_CLIENT, select.kind());
    assertEquals("SELECT owners", select.name());
    assertEquals(TRACE_ID, select.traceId());
    assertEquals("h2database", select.attribute("db.system.name"));
    assertEquals("petclinic", select.attribute("db.namespace"));
    assertEquals("select last_name from owners where id = ?", select.attribute("db.query.text"));
    assertEquals("SELECT", select.attribute("db.operation.name"));
    assertEquals("owners", select.attribute("db.collection.name"));
    assertNull(select.attribute("server.address"), "an in-memory database has no server");
    assertEquals(
        1,
        receiver.matching(child -> child.parentSpanId().equals(span.spanId())).size(),
        "one span per execution, through the pool and the driver");
  }

  @Test
  void insertIsOneClientSpanUnderThePostSpan() throws Exception {
    String query = "name=Leo&" + uniqueQuery();
    send("POST", "/owners/2/pets/new", query);

    ReceivedSpan server = serverSpan(query);
    ReceivedSpan insert = receiver.awaitOne(child -> child.parentSpanId().equals(server.spanId()));
    assertEquals("INSERT pets", insert.name());
    assertEquals(
        "insert into pets (owner_id, name) values (?, ?)", insert.attribute("db.query.text"));
  }

  @Test
  void classAndMethodLevelPathVariables() throws Exception {
    String query = uniqueQuery();
    assertEquals("pet 7 of owner 2", send("GET", "/owners/2/pets/7", query).body());

    ReceivedSpan span = serverSpan(query);
    assertEquals("GET " + base() + "/owners/{ownerId}/pets/{petId}", span.name());
    assertEquals(base() + "/owners/{ownerId}/pets/{petId}", span.attribute("http.route"));
  }

  @Test
  void postMapping() throws Exception {
    String query = "name=Leo&" + uniqueQuery();
    assertEquals("added Leo", send("POST", "/owners/2/pets/new", query).body());

    ReceivedSpan span = serverSpan(query);
    assertEquals("POST " + base() + "/owners/{ownerId}/pets/new", span.name());
    assertEquals(base() + "/owners/{ownerId}/pets/new", span.attribute("http.route"));
  }

  @Test
  void functionalRoute() throws Exception {
    String query = uniqueQuery();
    assertEquals("vet 3", send("GET", "/vets/3", query).body());

    ReceivedSpan span = serverSpan(query);
    assertEquals("GET " + base() + "/vets/{vetId}", span.name());
    assertEquals(base() + "/vets/{vetId}", span.attribute("http.route"));
  }

  /** Spring Boot renders the failure on /error (an ERROR dispatch), which must not rename the operation. */
  @Test
  void exceptionKeepsTheRouteOfTheFailedHandler() throws Exception {
    String query = uniqueQuery();
    assertEquals(500, send("GET", "/owners/1/fail", query).statusCode());

    ReceivedSpan span = onlyServerSpan(query);
    assertEquals("GET " + base() + "/owners/{ownerId}/fail", span.name());
    assertEquals(base() + "/owners/{ownerId}/fail", span.attribute("http.route"));
    assertEquals(Status.StatusCode.STATUS_CODE_ERROR, span.status());
    assertEquals(500L, span.attribute("http.response.status_code"));
    assertNotNull(span.attribute("error.type"));
  }

  /**
   * No handler matched: Spring Boot's /error renders the 404 and sets no route. At {@code /} the span then has
   * none; at a prefix it keeps the DispatcherServlet's mapping ({@code /petclinic/api/*}), as any servlet's.
   */
  @Test
  void pathNoHandlerMatchesGetsNoSpringRoute() throws Exception {
    String query = uniqueQuery();
    assertEquals(404, send("GET", "/no/such/page", query).statusCode());

    ReceivedSpan span = onlyServerSpan(query);
    if (servletPath().isEmpty()) {
      assertEquals("GET", span.name());
      assertNull(span.attribute("http.route"));
    } else {
      assertEquals("GET " + base() + "/*", span.name());
      assertEquals(base() + "/*", span.attribute("http.route"));
    }
    assertEquals(404L, span.attribute("http.response.status_code"));
  }

  @Test
  void staticResourceHandler() throws Exception {
    String found = uniqueQuery();
    assertEquals(200, send("GET", "/static/site.css", found).statusCode());
    String missing = uniqueQuery();
    assertEquals(404, send("GET", "/static/missing.css", missing).statusCode());

    assertEquals("GET " + base() + "/static/**", serverSpan(found).name());
    ReceivedSpan notFound = serverSpan(missing);
    assertEquals(
        "GET " + base() + "/static/**", notFound.name(), "the resource handler's pattern matched");
    assertEquals(404L, notFound.attribute("http.response.status_code"));
  }

  @Test
  void webjarsResourceHandler() throws Exception {
    String query = uniqueQuery();
    assertEquals(200, send("GET", "/webjars/demo/1.0/demo.js", query).statusCode());

    ReceivedSpan span = serverSpan(query);
    assertEquals("GET " + base() + "/webjars/**", span.name());
    assertEquals(base() + "/webjars/**", span.attribute("http.route"));
  }

  /** A request to {@code base() + path}, with headers given as name, value, name, value... */
  private HttpResponse<String> send(String method, String path, String query, String... headers)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + base() + path + "?" + query))
            .timeout(Duration.ofSeconds(30))
            .method(method, HttpRequest.BodyPublishers.noBody());
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
