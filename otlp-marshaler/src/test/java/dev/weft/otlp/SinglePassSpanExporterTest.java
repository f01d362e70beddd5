package dev.weft.otlp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.exporter.internal.otlp.traces.TraceRequestMarshaler;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.exporter.otlp.trace.OtlpGrpcSpanExporter;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class SinglePassSpanExporterTest {

  @Test
  void sendsTheSdksBytesWithTheSdksHttpExporter() throws Exception {
    BlockingQueue<byte[]> bodies = new LinkedBlockingQueue<>();
    BlockingQueue<Integer> answers = new LinkedBlockingQueue<>();
    answers.add(503); // retried by the SDK's sender
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/v1/traces",
        exchange -> {
          try (InputStream in = exchange.getRequestBody()) {
            bodies.add(in.readAllBytes());
          }
          Integer status = answers.poll();
          exchange.sendResponseHeaders(status == null ? 200 : status, -1);
          exchange.close();
        });
    server.start();
    try {
      OtlpHttpSpanExporter sdkExporter =
          OtlpHttpSpanExporter.builder()
              .setEndpoint("http://127.0.0.1:" + server.getAddress().getPort() + "/v1/traces")
              .build();
      SpanExporter exporter = SinglePassSpanExporter.around(sdkExporter);
      assertInstanceOf(SinglePassSpanExporter.class, exporter);
      List<SpanData> spans = spans();

      CompletableResultCode result = exporter.export(spans).join(20, TimeUnit.SECONDS);
      CompletableResultCode again = exporter.export(spans).join(20, TimeUnit.SECONDS);

      assertTrue(result.isSuccess());
      assertTrue(again.isSuccess());
      byte[] expected = sdkBytes(spans);
      assertEquals(3, bodies.size()); // the 503, its retry, the second export
      for (byte[] body : bodies) {
        assertArrayEquals(expected, body);
      }
      assertTrue(exporter.shutdown().join(10, TimeUnit.SECONDS).isSuccess());
      assertFalse(exporter.export(spans).isSuccess()); // the SDK's exporter is shut down
    } finally {
      server.stop(0);
    }
  }

  @Test
  void takesTheSdksGrpcExporter() {
    OtlpGrpcSpanExporter sdkExporter = OtlpGrpcSpanExporter.builder().build();
    SpanExporter exporter = SinglePassSpanExporter.around(sdkExporter);
    try {
      assertInstanceOf(SinglePassSpanExporter.class, exporter);
    } finally {
      exporter.shutdown().join(10, TimeUnit.SECONDS);
    }
  }

  private static List<SpanData> spans() {
    InMemorySpanExporter exported = InMemorySpanExporter.create();
    SdkTracerProvider provider =
        SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(exported)).build();
    for (int i = 0; i < 100; i++) {
      provider
          .get("test")
          .spanBuilder("GET /chain")
          .setSpanKind(SpanKind.SERVER)
          .setAttribute("http.request.method", "GET")
          .setAttribute("http.response.status_code", 200L)
          .startSpan()
          .end();
    }
    return exported.getFinishedSpanItems(); // exported as they end; closing would empty it
  }

  private static byte[] sdkBytes(List<SpanData> spans) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    TraceRequestMarshaler.create(spans).writeBinaryTo(bytes);
    return bytes.toByteArray();
  }
}
