package dev.weft.smoke;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.opentelemetry.proto.trace.v1.Span;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A traced request hands work to an executor, a ForkJoinPool, CompletableFuture async stages or a new thread, and
 * that work makes an HTTP call: the CLIENT span is in the request's trace, the child of its SERVER span. A pool
 * thread is back in the root context after the task, and a periodic schedule does not carry the request's context.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExecutorsTest {

  private final AtomicInteger requestNumber = new AtomicInteger();
  private OtlpReceiver receiver;
  private AppProcess app;

  @BeforeAll
  void start() throws Exception {
    receiver = new OtlpReceiver();
    app = AppProcess.app("ExecutorsApp").exportingTo(receiver).start();
    app.port();
  }

  @AfterAll
  void stop() throws Exception {
    app.close();
    receiver.close();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "execute, 1",
    "submit, 1",
    "invokeAll, 2",
    "invokeAny, 1",
    "schedule, 1",
    "fork-join-submit, 1",
    "fork-join-execute, 1",
    "fork-join-invoke, 2",
    "completable-default, 2",
    "completable-executor, 2",
    "completable-declared, 1",
    "thread, 1"
  })
  void workHandedOverStaysInTheRequestsTrace(String which, int calls) throws Exception {
    assertCallsAreChildrenOfTheRequest(which, calls);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"virtual-thread, 1", "virtual-executor, 1"})
  void virtualThreadsStayInTheRequestsTrace(String which, int calls) throws Exception {
    assumeTrue(
        Integer.parseInt(Http.get(app.port(), "/shop/executors/java-version").body()) >= 21,
        "virtual threads need Java 21");
    assertCallsAreChildrenOfTheRequest(which, calls);
  }

  @Test
  void aPoolThreadIsBackInTheRootContextAfterATask() throws Exception {
    String from = request("pool-reuse");
    ReceivedSpan server = serverSpan(from);
    ReceivedSpan first = clientSpan(from + "-1");
    ReceivedSpan second = clientSpan(from + "-2");

    assertEquals(server.spanId(), first.parentSpanId());
    assertEquals("", second.parentSpanId(), "the task handed over untraced starts a new trace");
    assertNotEquals(server.traceId(), second.traceId());
  }

  @Test
  void aPeriodicScheduleDoesNotCarryTheRequestsContext() throws Exception {
    String from = request("periodic");
    ReceivedSpan server = serverSpan(from);
    for (int run = 1; run <= 2; run++) {
      ReceivedSpan client = clientSpan(from + "-" + run);
      assertEquals("", client.parentSpanId(), "run " + run + " starts a new trace");
      assertNotEquals(server.traceId(), client.traceId());
    }
  }

  private void assertCallsAreChildrenOfTheRequest(String which, int calls) throws Exception {
    String from = request(which);
    ReceivedSpan server = serverSpan(from);
    for (int n = 1; n <= calls; n++) {
      ReceivedSpan client = clientSpan(from + "-" + n);
      assertEquals(server.traceId(), client.traceId(), "call " + n + " of " + which);
      assertEquals(server.spanId(), client.parentSpanId(), "call " + n + " of " + which);
    }
    List<ReceivedSpan> clients =
        receiver.await(
            span ->
                span.kind() == Span.SpanKind.SPAN_KIND_CLIENT
                    && span.parentSpanId().equals(server.spanId()),
            calls,
            Duration.ofSeconds(10));
    assertEquals(calls, clients.size());
  }

  /** Makes the request; returns the marker its tasks' calls carry. */
  private String request(String which) throws Exception {
    int number = requestNumber.incrementAndGet();
    var response = Http.get(app.port(), "/shop/executors/" + which + "?request=" + number);
    assertEquals(200, response.statusCode(), response.body());
    return which + "-" + number;
  }

  private ReceivedSpan serverSpan(String from) throws InterruptedException {
    String request = from.substring(from.lastIndexOf('-') + 1);
    String which = from.substring(0, from.lastIndexOf('-'));
    return receiver.awaitOne(
        span ->
            span.kind() == Span.SpanKind.SPAN_KIND_SERVER
                && ("/shop/executors/" + which).equals(span.attribute("url.path"))
                && ("request=" + request).equals(span.attribute("url.query")));
  }

  private ReceivedSpan clientSpan(String from) throws InterruptedException {
    ReceivedSpan client =
        receiver.awaitOne(
            span ->
                span.kind() == Span.SpanKind.SPAN_KIND_CLIENT
                    && String.valueOf(span.attribute("url.full")).endsWith("?from=" + from));
    assertTrue(client.name().startsWith("GET"), client.toString());
    return client;
  }
}
