package dev.weft.smoke;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.opentelemetry.proto.trace.v1.Span;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The JDK's {@code java.net.http.HttpClient}, {@code send} and {@code sendAsync}. */
class JavaHttpClientTest extends HttpClientTestBase {

  @Override
  List<String> calls() {
    return List.of("/shop/chain/jdk", "/shop/chain/jdk-async");
  }

  @Test
  void stageDependingOnAnAsyncCallRunsInTheCallersTrace() throws Exception {
    String query = "port=" + serviceB.port() + "&request=" + requestNumber.incrementAndGet();
    assertEquals(
        "chained: hello+hello",
        Http.get(serviceA.port(), "/shop/chain/jdk-async-then-okhttp?" + query).body());

    ReceivedSpan serverA = serverSpanOfA(query);
    List<ReceivedSpan> clients =
        receiver.await(
            span ->
                span.kind() == Span.SpanKind.SPAN_KIND_CLIENT
                    && span.parentSpanId().equals(serverA.spanId()),
            2,
            Duration.ofSeconds(20));
    assertEquals(2, clients.size(), "the JDK call and the OkHttp call made in the dependent stage");
  }
}
