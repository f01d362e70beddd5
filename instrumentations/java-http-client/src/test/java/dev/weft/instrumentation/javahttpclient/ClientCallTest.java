package dev.weft.instrumentation.javahttpclient;

import static dev.weft.instrumentation.api.testing.RecordingSdk.onlySpan;
import static dev.weft.instrumentation.api.testing.RecordingSdk.traceparentOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.instrumentation.api.http.ClientSpans;
import dev.weft.instrumentation.api.testing.RecordingSdk;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The traced copy of a request, and the span's end, as the send advice drives them. */
class ClientCallTest {

  private static final InMemorySpanExporter EXPORTED = RecordingSdk.install();

  @BeforeEach
  void reset() {
    EXPORTED.reset();
  }

  @Test
  void theRequestSentIsACopyWithTheCallsContextInItsHeaders() {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://shop.example:8080/orders?id=7"))
            .POST(HttpRequest.BodyPublishers.ofString("{\"item\":1}"))
            .header("Content-Type", "application/json")
            .header("Accept", "a")
            .header("Accept", "b")
            .timeout(Duration.ofSeconds(3))
            .version(HttpClient.Version.HTTP_1_1)
            .expectContinue(true)
            .build();

    Object[] started = ClientCall.start(request);
    HttpRequest sent = (HttpRequest) started[0];
    ClientCall.end(started, null, new ConnectException("refused"));

    SpanData span = onlySpan();
    assertEquals(request.uri(), sent.uri());
    assertEquals("POST", sent.method());
    assertEquals(
        request.bodyPublisher().get().contentLength(), sent.bodyPublisher().get().contentLength());
    assertEquals(List.of("application/json"), sent.headers().allValues("Content-Type"));
    assertEquals(List.of("a", "b"), sent.headers().allValues("Accept"));
    assertEquals(request.timeout(), sent.timeout());
    assertEquals(request.version(), sent.version());
    assertTrue(sent.expectContinue());
    assertEquals(traceparentOf(span), sent.headers().firstValue("traceparent").orElseThrow());
    assertTrue(
        request.headers().firstValue("traceparent").isEmpty(),
        "the application's request is untouched");

    assertEquals("POST", span.getName());
    assertEquals(SpanKind.CLIENT, span.getKind());
    assertEquals(
        8080L, span.getAttributes().get(io.opentelemetry.semconv.ServerAttributes.SERVER_PORT));
    assertEquals(StatusCode.ERROR, span.getStatus().getStatusCode());
    assertEquals(
        ConnectException.class.getName(),
        span.getAttributes().get(io.opentelemetry.semconv.ErrorAttributes.ERROR_TYPE));
  }

  @Test
  void theDefaultPortIsTheSchemes() {
    Object[] started =
        ClientCall.start(HttpRequest.newBuilder(URI.create("https://shop.example/")).build());
    ClientCall.end(started, null, null);

    assertEquals(
        443L,
        onlySpan().getAttributes().get(io.opentelemetry.semconv.ServerAttributes.SERVER_PORT));
  }

  @Test
  void aCallInsideAnotherClientCallIsSentAsItIs() {
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://shop.example/")).build();
    Object[] started;
    try (Scope ignored = ClientSpans.markedAsClientSpan(Context.root()).makeCurrent()) {
      started = ClientCall.start(request);
    }
    ClientCall.end(started, null, null);

    assertSame(request, started[0]);
    assertNull(started[1]);
    assertTrue(EXPORTED.getFinishedSpanItems().isEmpty());
  }

  @Test
  void anAsyncCallEndsWithTheFutureAndCompletesInTheCallersContext() {
    Object[] started =
        ClientCall.start(HttpRequest.newBuilder(URI.create("http://shop.example/")).build());
    CompletableFuture<Object> sent = new CompletableFuture<>();
    @SuppressWarnings("unchecked")
    CompletableFuture<Object> handedOut =
        (CompletableFuture<Object>) ClientCall.endAsync(started, sent, null);
    assertTrue(
        EXPORTED.getFinishedSpanItems().isEmpty(), "the span ends with the response, not the call");

    Context[] completedIn = new Context[1];
    CompletableFuture<Object> dependent =
        handedOut.whenComplete((response, failure) -> completedIn[0] = Context.current());
    sent.completeExceptionally(new CompletionException(new ConnectException("refused")));

    assertTrue(dependent.isCompletedExceptionally());
    assertSame(Context.root(), completedIn[0]);
    assertEquals(
        ConnectException.class.getName(),
        onlySpan().getAttributes().get(io.opentelemetry.semconv.ErrorAttributes.ERROR_TYPE));
  }
}
