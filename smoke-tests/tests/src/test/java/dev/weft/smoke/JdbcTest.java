package dev.weft.smoke;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.proto.trace.v1.Status;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * JdbcApp under the agent, running SQL from its requests on embedded H2 and on a real PostgreSQL server (started by
 * the test), each through HikariCP ({@code -pool}) and through the driver directly: every execution is one CLIENT
 * span, the child of the request's SERVER span, named and attributed per the database conventions, with its
 * literals replaced.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JdbcTest {

  private final AtomicInteger requestNumber = new AtomicInteger();
  private OtlpReceiver receiver;
  private LocalPostgres postgres;
  private AppProcess app;

  @BeforeAll
  void start() throws Exception {
    receiver = new OtlpReceiver();
    postgres = LocalPostgres.start();
    app =
        AppProcess.app("JdbcApp")
            .exportingTo(receiver)
            .with("otel.service.name", "jdbc-shop")
            .argument(postgres.jdbcUrl())
            .start();
    app.port();
  }

  @AfterAll
  void stop() throws Exception {
    if (app != null) {
      app.close();
    }
    if (postgres != null) {
      postgres.close();
    }
    if (receiver != null) {
      receiver.close();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"h2", "h2-pool", "pg", "pg-pool"})
  void aPreparedQueryIsOneClientSpanUnderTheServerSpan(String database) throws Exception {
    Request request = request(database, "query", "id=1");
    assertEquals(200, request.response.statusCode());
    assertEquals("Ada", request.response.body());

    ReceivedSpan span = request.onlyDatabaseSpan();
    assertEquals("SELECT owners", span.name());
    assertEquals(Span.SpanKind.SPAN_KIND_CLIENT, span.kind());
    assertEquals(request.server.traceId(), span.traceId());
    assertEquals("SELECT name FROM owners WHERE id = ?", span.attribute("db.query.text"));
    assertEquals("SELECT owners", span.attribute("db.query.summary"));
    assertEquals("SELECT", span.attribute("db.operation.name"));
    assertEquals("owners", span.attribute("db.collection.name"));
    assertEquals("shop", span.attribute("db.namespace"));
    assertNull(span.attribute("db.operation.batch.size"));
    assertEquals(Status.StatusCode.STATUS_CODE_UNSET, span.status());
    assertSystemAndServer(database, span);
  }

  @ParameterizedTest
  @ValueSource(strings = {"h2", "h2-pool", "pg", "pg-pool"})
  void literalsAreReplacedSoThatAPasswordNeverAppears(String database) throws Exception {
    Request request = request(database, "statement", null);
    assertEquals("Ada", request.response.body());

    ReceivedSpan span = request.onlyDatabaseSpan();
    assertEquals(
        "SELECT name FROM owners WHERE password = ? AND id = ?", span.attribute("db.query.text"));
    assertEquals("SELECT owners", span.name());
    for (ReceivedSpan any : receiver.all()) {
      if (!"jdbc-unsanitized".equals(any.resource().get("service.name"))) {
        assertFalse(any.span().toString().contains("hunter2"), any.toString());
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"h2", "h2-pool", "pg", "pg-pool"})
  void anUpdateIsNamedByItsOperationAndTable(String database) throws Exception {
    Request request = request(database, "update", "id=2");
    assertEquals("inserted 1", request.response.body());

    ReceivedSpan span = request.onlyDatabaseSpan();
    assertEquals("INSERT visits", span.name());
    assertEquals(
        "INSERT INTO visits (owner_id, note) VALUES (?, ?)", span.attribute("db.query.text"));
    assertEquals("INSERT", span.attribute("db.operation.name"));
    assertEquals("visits", span.attribute("db.collection.name"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"h2", "h2-pool", "pg", "pg-pool"})
  void aFailingStatementEndsItsSpanWithTheError(String database) throws Exception {
    Request request = request(database, "fail", null);
    assertEquals(500, request.response.statusCode());
    String thrown = request.response.body();

    ReceivedSpan span = request.onlyDatabaseSpan();
    assertEquals("SELECT no_such_table", span.name());
    assertEquals(Status.StatusCode.STATUS_CODE_ERROR, span.status());
    assertEquals(thrown, span.attribute("error.type"));
    assertNotNull(span.attribute("db.response.status_code"), "the SQL state");
    List<Span.Event> events = span.span().getEventsList();
    assertEquals(1, events.size());
    assertEquals("exception", events.get(0).getName());
    assertEquals(thrown, attribute(events.get(0).getAttributesList(), "exception.type"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"h2", "h2-pool", "pg", "pg-pool"})
  void aPreparedBatchIsOneSpanWithItsSize(String database) throws Exception {
    Request request = request(database, "batch", null);
    assertEquals("inserted 3", request.response.body());

    ReceivedSpan span = request.onlyDatabaseSpan();
    assertEquals("BATCH INSERT visits", span.name());
    assertEquals("BATCH INSERT visits", span.attribute("db.query.summary"));
    assertEquals("BATCH INSERT", span.attribute("db.operation.name"));
    assertEquals("visits", span.attribute("db.collection.name"));
    assertEquals(3L, span.attribute("db.operation.batch.size"));
    assertEquals(
        "INSERT INTO visits (owner_id, note) VALUES (?, ?)", span.attribute("db.query.text"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"h2", "h2-pool", "pg", "pg-pool"})
  void aBatchOfTextsReportsEachText(String database) throws Exception {
    Request request = request(database, "statement-batch", null);
    assertEquals("ran 2", request.response.body());

    ReceivedSpan span = request.onlyDatabaseSpan();
    assertEquals("BATCH", span.name());
    assertEquals("BATCH", span.attribute("db.operation.name"));
    assertEquals(2L, span.attribute("db.operation.batch.size"));
    assertEquals(
        "INSERT INTO visits (owner_id, note) VALUES (?, ?); UPDATE visits SET note = ? WHERE owner_id = ?",
        span.attribute("db.query.text"));
    assertEquals("visits", span.attribute("db.collection.name"), "the one table of both texts");
  }

  @ParameterizedTest
  @ValueSource(strings = {"h2", "h2-pool", "pg", "pg-pool"})
  void aCallIsOneSpanEvenWhenTheDatabaseRunsStatementsOfItsOwnInside(String database)
      throws Exception {
    // H2 runs owner_count() as a Java method that executes a statement on the same thread
    Request request = request(database, "call", null);
    assertEquals("owners 2", request.response.body());

    ReceivedSpan span = request.onlyDatabaseSpan();
    assertEquals("CALL owner_count", span.name());
    assertEquals("owner_count", span.attribute("db.stored_procedure.name"));
    assertEquals("{? = call owner_count()}", span.attribute("db.query.text"));
  }

  @org.junit.jupiter.api.Test
  void withTheSanitizerOffTheTextIsReportedAsWritten() throws Exception {
    try (AppProcess unsanitized =
        AppProcess.app("JdbcApp")
            .exportingTo(receiver)
            .with("otel.service.name", "jdbc-unsanitized")
            .with("otel.instrumentation.common.db-statement-sanitizer.enabled", "false")
            .start()) {
      String marker = "n=" + requestNumber.incrementAndGet();
      assertEquals(200, Http.get(unsanitized.port(), "/db/h2/statement?" + marker).statusCode());
      ReceivedSpan server =
          receiver.awaitOne(
              span ->
                  span.kind() == Span.SpanKind.SPAN_KIND_SERVER
                      && String.valueOf(span.attribute("url.query")).endsWith(marker));
      ReceivedSpan span = new Request(null, server).onlyDatabaseSpan();
      assertEquals(
          "SELECT name FROM owners WHERE password = 'hunter2' AND id = 1",
          span.attribute("db.query.text"));
      assertEquals("SELECT owners", span.name());
    }
  }

  private void assertSystemAndServer(String database, ReceivedSpan span) {
    if (database.startsWith("pg")) {
      assertEquals("postgresql", span.attribute("db.system.name"));
      assertEquals("127.0.0.1", span.attribute("server.address"));
      assertEquals((long) postgres.port(), span.attribute("server.port"));
    } else {
      assertEquals("h2database", span.attribute("db.system.name"));
      assertNull(span.attribute("server.address"), "an embedded database has no server");
      assertNull(span.attribute("server.port"));
    }
  }

  private Request request(String database, String action, String query) throws Exception {
    String marker = "n=" + requestNumber.incrementAndGet();
    String path =
        "/db/" + database + "/" + action + "?" + (query == null ? "" : query + "&") + marker;
    HttpResponse<String> response = Http.get(app.port(), path);
    ReceivedSpan server =
        receiver.awaitOne(
            span ->
                span.kind() == Span.SpanKind.SPAN_KIND_SERVER
                    && String.valueOf(span.attribute("url.query")).endsWith(marker));
    assertEquals("GET /db/*", server.name());
    return new Request(response, server);
  }

  private static Object attribute(List<KeyValue> attributes, String key) {
    for (KeyValue attribute : attributes) {
      if (attribute.getKey().equals(key)) {
        return attribute.getValue().getStringValue();
      }
    }
    return null;
  }

  /** A request and its SERVER span. */
  private final class Request {
    final HttpResponse<String> response;
    final ReceivedSpan server;

    Request(HttpResponse<String> response, ReceivedSpan server) {
      this.response = response;
      this.server = server;
    }

    /**
     * The one CLIENT span under the server span. The database spans end before the server span, and spans are
     * exported in the order they end, so all of them have arrived with the server span.
     */
    ReceivedSpan onlyDatabaseSpan() {
      List<ReceivedSpan> children =
          receiver.matching(span -> span.parentSpanId().equals(server.spanId()));
      assertEquals(1, children.size(), "exactly one span for one execution: " + children);
      assertTrue(
          children.get(0).attributes().containsKey("db.system.name"), children.get(0).toString());
      return children.get(0);
    }
  }
}
