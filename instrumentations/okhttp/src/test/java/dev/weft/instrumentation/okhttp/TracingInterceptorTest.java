package dev.weft.instrumentation.okhttp;

import static dev.weft.instrumentation.api.testing.RecordingSdk.onlySpan;
import static dev.weft.instrumentation.api.testing.RecordingSdk.traceparentOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.weft.instrumentation.api.testing.RecordingSdk;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.semconv.ErrorAttributes;
import io.opentelemetry.semconv.HttpAttributes;
import io.opentelemetry.semconv.NetworkAttributes;
import io.opentelemetry.semconv.ServerAttributes;
import io.opentelemetry.semconv.UrlAttributes;
import java.net.ConnectException;
import java.util.ArrayList;
import java.util.List;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The interceptor in a real OkHttp client (the oldest supported, 3.12), in front of an interceptor that answers in
 * place of the network and keeps the request it was given.
 */
class TracingInterceptorTest {

  private static final InMemorySpanExporter EXPORTED = RecordingSdk.install();

  private final List<Request> sent = new ArrayList<>();

  @BeforeEach
  void reset() {
    EXPORTED.reset();
  }

  private OkHttpClient client(Interceptor network) {
    OkHttpClient.Builder builder = new OkHttpClient.Builder().addInterceptor(network);
    TracingInterceptor.addTo(builder.interceptors());
    TracingInterceptor.addTo(
        builder.interceptors()); // a client built from a traced client's builder
    return builder.build();
  }

  private Interceptor answering(int status, Protocol protocol) {
    return chain -> {
      sent.add(chain.request());
      return new Response.Builder()
          .request(chain.request())
          .protocol(protocol)
          .code(status)
          .message("-")
          .body(ResponseBody.create(null, "answer"))
          .build();
    };
  }

  @Test
  void oneSpanPerCallWithItsContextInTheRequestSent() throws Exception {
    OkHttpClient client = client(answering(201, Protocol.HTTP_2));
    try (Response response =
        client
            .newCall(
                new Request.Builder()
                    .url("http://user:secret@shop.example:8080/orders?id=7")
                    .build())
            .execute()) {
      assertEquals(201, response.code());
    }

    SpanData span = onlySpan();
    assertEquals("GET", span.getName());
    assertEquals(SpanKind.CLIENT, span.getKind());
    assertEquals(
        "http://REDACTED:REDACTED@shop.example:8080/orders?id=7",
        span.getAttributes().get(UrlAttributes.URL_FULL));
    assertEquals("shop.example", span.getAttributes().get(ServerAttributes.SERVER_ADDRESS));
    assertEquals(8080L, span.getAttributes().get(ServerAttributes.SERVER_PORT));
    assertEquals(201L, span.getAttributes().get(HttpAttributes.HTTP_RESPONSE_STATUS_CODE));
    assertEquals("2", span.getAttributes().get(NetworkAttributes.NETWORK_PROTOCOL_VERSION));
    assertEquals(1, sent.size(), "the interceptor is added once");
    assertEquals(traceparentOf(span), sent.get(0).header("traceparent"));
  }

  @Test
  void aFailedCallEndsTheSpanAndThrowsAsItWould() {
    OkHttpClient client =
        client(
            chain -> {
              throw new ConnectException("refused");
            });

    assertThrows(
        ConnectException.class,
        () -> client.newCall(new Request.Builder().url("http://shop.example/").build()).execute());

    SpanData span = onlySpan();
    assertEquals(StatusCode.ERROR, span.getStatus().getStatusCode());
    assertEquals(
        ConnectException.class.getName(), span.getAttributes().get(ErrorAttributes.ERROR_TYPE));
  }
}
