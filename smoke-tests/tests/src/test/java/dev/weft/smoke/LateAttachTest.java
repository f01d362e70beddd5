package dev.weft.smoke;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.sun.tools.attach.VirtualMachine;
import io.opentelemetry.proto.trace.v1.Span;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The agent attached to a running Tomcat service ({@code VirtualMachine.loadAgent}, what attach tools and
 * {@code jcmd <pid> JVMTI.agent_load} do) after the service answered requests through its servlets and HTTP clients:
 * the classes loaded before are retransformed, so the requests after it are traced like those of a service started
 * with {@code -javaagent:}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LateAttachTest {

  private static final Duration ATTACH_DEADLINE = Duration.ofSeconds(30);

  private final AtomicInteger requestNumber = new AtomicInteger();
  private OtlpReceiver receiver;
  private AppProcess service;
  private int port;

  @BeforeAll
  void startServiceThenAttach() throws Exception {
    receiver = new OtlpReceiver();
    service =
        AppProcess.app("TomcatApp")
            .withoutAgent()
            .exportingTo(receiver)
            .with("otel.service.name", "attached-late")
            .start();
    port = service.port();
    // the servlets, the JDK's HttpClient and HttpURLConnection are loaded and used before the agent
    // comes
    for (String via : new String[] {"jdk", "url-connection"}) {
      assertEquals("chained: hello", Http.get(port, "/shop/chain/" + via + "?port=" + port).body());
    }

    VirtualMachine vm = VirtualMachine.attach(String.valueOf(service.pid()));
    try {
      vm.loadAgent(System.getProperty("weft.agent.jar"));
    } finally {
      vm.detach();
    }
    awaitTracing();
  }

  @AfterAll
  void stopService() throws Exception {
    service.close();
    receiver.close();
  }

  /** The agent starts on a thread of its own: requests are traced once it has retransformed the loaded classes. */
  private void awaitTracing() throws Exception {
    long deadline = System.nanoTime() + ATTACH_DEADLINE.toNanos();
    while (true) {
      String query = uniqueQuery();
      Http.get(port, "/shop/hello?" + query);
      try {
        receiver.await(span -> isServerSpanOf(span, query), 1, Duration.ofSeconds(1));
        return;
      } catch (AssertionError notYet) {
        if (System.nanoTime() > deadline) {
          throw new AssertionError(
              "no request was traced "
                  + ATTACH_DEADLINE
                  + " after the agent was attached: "
                  + service.stderr(),
              notYet);
        }
      }
    }
  }

  @Test
  void servletRequestsAfterTheAttachHaveServerSpans() throws Exception {
    String query = uniqueQuery();
    assertEquals("user", Http.get(port, "/shop/users/7?" + query).body());

    ReceivedSpan server = receiver.awaitOne(span -> isServerSpanOf(span, query));
    assertEquals("GET /shop/users/*", server.name());
    assertEquals("/shop/users/7", server.attribute("url.path"));
    assertEquals("attached-late", server.resource().get("service.name"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"jdk", "jdk-async", "url-connection"})
  void clientCallsOfClassesLoadedBeforeTheAttachAreTraced(String via) throws Exception {
    String query = "port=" + port + "&request=" + requestNumber.incrementAndGet();
    assertEquals("chained: hello", Http.get(port, "/shop/chain/" + via + "?" + query).body());

    ReceivedSpan caller = receiver.awaitOne(span -> isServerSpanOf(span, query));
    ReceivedSpan client =
        receiver.awaitOne(
            span ->
                span.kind() == Span.SpanKind.SPAN_KIND_CLIENT
                    && span.parentSpanId().equals(caller.spanId()));
    ReceivedSpan called =
        receiver.awaitOne(
            span ->
                span.kind() == Span.SpanKind.SPAN_KIND_SERVER
                    && span.parentSpanId().equals(client.spanId()));

    assertEquals("GET /shop/chain/*", caller.name());
    assertEquals("GET", client.name());
    assertEquals("http://127.0.0.1:" + port + "/shop/hello", client.attribute("url.full"));
    assertEquals("GET /shop/hello", called.name());
    assertEquals(caller.traceId(), called.traceId());
  }

  private String uniqueQuery() {
    return "request=" + requestNumber.incrementAndGet();
  }

  private static boolean isServerSpanOf(ReceivedSpan span, String query) {
    return span.kind() == Span.SpanKind.SPAN_KIND_SERVER
        && query.equals(span.attribute("url.query"));
  }
}
