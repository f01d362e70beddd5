package dev.weft.agent.zipkin;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;
import java.util.concurrent.CompletableFuture;

/**
 * Posts each batch to a Zipkin server as one JSON v2 array ({@link ZipkinJson}), without waiting for the answer:
 * the result completes when Zipkin answers (2xx: success) or the timeout passes. No retries, as the SDK's Zipkin
 * exporter did none.
 */
public final class ZipkinSpanExporter implements SpanExporter {

  private final URI endpoint;
  private final Duration timeout;
  private final HttpClient client;
  private volatile boolean shutdown;

  ZipkinSpanExporter(URI endpoint, Duration timeout) {
    this.endpoint = endpoint;
    this.timeout = timeout;
    this.client = HttpClient.newBuilder().connectTimeout(timeout).build();
  }

  @Override
  public CompletableResultCode export(Collection<SpanData> spans) {
    if (shutdown) {
      return CompletableResultCode.ofFailure();
    }
    HttpRequest request =
        HttpRequest.newBuilder(endpoint)
            .timeout(timeout)
            .header("Content-Type", "application/json")
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    ZipkinJson.encode(spans), StandardCharsets.UTF_8))
            .build();
    CompletableResultCode result = new CompletableResultCode();
    CompletableFuture<HttpResponse<Void>> sent =
        client.sendAsync(request, HttpResponse.BodyHandlers.discarding());
    sent.whenComplete(
        (response, failure) -> {
          if (failure == null && response.statusCode() / 100 == 2) {
            result.succeed();
          } else {
            result.failExceptionally(
                failure != null
                    ? failure
                    : new IllegalStateException("Zipkin answered HTTP " + response.statusCode()));
          }
        });
    return result;
  }

  @Override
  public CompletableResultCode flush() {
    return CompletableResultCode.ofSuccess();
  }

  @Override
  public CompletableResultCode shutdown() {
    shutdown = true;
    return CompletableResultCode.ofSuccess();
  }

  @Override
  public String toString() {
    return "ZipkinSpanExporter{" + endpoint + "}";
  }
}
