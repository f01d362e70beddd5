package dev.weft.smoke.logback;

import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.instrumentation.annotations.SpanAttribute;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;

/** Methods traced by annotation only, as an application writes them. */
public class Orders {

  private final HttpClient client =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  /** Logs, and calls {@code /shop/hello} on {@code port}: the client span must be this span's child. */
  @WithSpan("place order")
  public String place(
      @SpanAttribute("order.id") long orderId,
      @SpanAttribute String customer,
      String notAnAttribute,
      int port)
      throws Exception {
    Logs.info("placing order " + orderId);
    return client
        .send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/shop/hello")).build(),
            HttpResponse.BodyHandlers.ofString())
        .body();
  }

  @WithSpan(kind = SpanKind.PRODUCER)
  public void ship() {}

  @WithSpan
  public void fail() {
    throw new IllegalStateException("out of stock");
  }

  /** Its span ends when {@code completion} completes, whenever that is. */
  @WithSpan
  public CompletableFuture<String> later(CompletableFuture<String> completion) {
    return completion;
  }

  @WithSpan
  public CompletableFuture<String> laterFailing(CompletableFuture<String> completion) {
    return completion;
  }

  @io.opentelemetry.extension.annotations.WithSpan("legacy")
  public void legacy(
      @io.opentelemetry.extension.annotations.SpanAttribute("legacy.note") String note) {}

  /** Excluded by the setting the test starts the application with. */
  @WithSpan
  public void excluded() {}
}
