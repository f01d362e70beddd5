package dev.weft.benchmarks.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.protobuf.ByteString;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.InstrumentationScope;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.resource.v1.Resource;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

class SpanSinkTest {

  private static final long FIRST_HIGH = 0x0102030405060708L;
  private static final long FIRST_LOW = 0x090a0b0c0d0e0f10L;
  private static final long SECOND_HIGH = -1L;
  private static final long SECOND_LOW = 42L;

  @Test
  void countsSpansPerTraceAcrossResourcesAndScopes() throws Exception {
    Span first = span(FIRST_HIGH, FIRST_LOW);
    Span second = span(SECOND_HIGH, SECOND_LOW);
    ExportTraceServiceRequest request =
        ExportTraceServiceRequest.newBuilder()
            .addResourceSpans(
                ResourceSpans.newBuilder()
                    .setResource(
                        Resource.newBuilder().addAttributes(attribute("service.name", "one")))
                    .addScopeSpans(scope("dev.weft.servlet", first, second, first))
                    .addScopeSpans(scope("dev.weft.okhttp", first)))
            .addResourceSpans(
                ResourceSpans.newBuilder().addScopeSpans(scope("dev.weft.servlet", second)))
            .build();

    try (SpanSink sink = SpanSink.start()) {
      HttpResponse<Void> response =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create(sink.endpoint() + "/v1/traces"))
                      .header("Content-Type", "application/x-protobuf")
                      .POST(HttpRequest.BodyPublishers.ofByteArray(request.toByteArray()))
                      .build(),
                  HttpResponse.BodyHandlers.discarding());

      assertEquals(200, response.statusCode());
      assertEquals(3, sink.spans(new TraceId(FIRST_HIGH, FIRST_LOW)));
      assertEquals(2, sink.spans(new TraceId(SECOND_HIGH, SECOND_LOW)));
      assertEquals(0, sink.spans(TraceId.random()));
    }
  }

  private static ScopeSpans scope(String name, Span... spans) {
    ScopeSpans.Builder scope =
        ScopeSpans.newBuilder().setScope(InstrumentationScope.newBuilder().setName(name));
    for (Span span : spans) {
      scope.addSpans(span);
    }
    return scope.build();
  }

  private static Span span(long traceIdHigh, long traceIdLow) {
    return Span.newBuilder()
        .setTraceId(
            ByteString.copyFrom(
                ByteBuffer.allocate(16).putLong(traceIdHigh).putLong(traceIdLow).array()))
        .setSpanId(ByteString.copyFrom(new byte[] {1, 2, 3, 4, 5, 6, 7, 8}))
        .setName("GET /chain")
        .setStartTimeUnixNano(1_700_000_000_000_000_000L)
        .setEndTimeUnixNano(1_700_000_000_001_000_000L)
        .addAttributes(attribute("http.route", "/chain"))
        .build();
  }

  private static KeyValue attribute(String key, String value) {
    return KeyValue.newBuilder()
        .setKey(key)
        .setValue(AnyValue.newBuilder().setStringValue(value))
        .build();
  }
}
