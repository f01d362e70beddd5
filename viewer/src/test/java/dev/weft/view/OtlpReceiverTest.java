package dev.weft.view;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The receiver over real HTTP: what it accepts, and the status and count of each refusal. */
class OtlpReceiverTest {

  private static final int MAX_BODY = 64 * 1024;

  private final TraceStore store = new TraceStore(1000);
  private final ReceiverCounts counts = new ReceiverCounts();
  private final HttpClient client = HttpClient.newHttpClient();
  private HttpServer server;
  private URI endpoint;

  @BeforeEach
  void start() throws Exception {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/v1/traces", new OtlpReceiver(store, counts, MAX_BODY));
    server.start();
    endpoint = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/v1/traces");
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private int post(String contentType, byte[] body, String encoding) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(endpoint)
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (encoding != null) {
      request.header("Content-Encoding", encoding);
    }
    return client.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  private static byte[] gzip(byte[] bytes) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
      gzip.write(bytes);
    }
    return out.toByteArray();
  }

  @Test
  void acceptsProtobufJsonAndGzip() throws Exception {
    assertEquals(
        200, post("application/x-protobuf", OtlpProtobufTest.request().toByteArray(), null));
    assertEquals(
        200,
        post(
            "application/json; charset=utf-8",
            OtlpJsonTest.REQUEST.getBytes(StandardCharsets.UTF_8),
            null));
    assertEquals(
        200,
        post("application/x-protobuf", gzip(OtlpProtobufTest.request().toByteArray()), "gzip"));

    assertEquals(3, counts.accepted.get());
    assertEquals(
        2, store.trace(OtlpProtobufTest.TRACE_ID).spans.size()); // the gzip copy was the same spans
  }

  @Test
  void refusesWithA4xxAndCountsIt() throws Exception {
    assertEquals(
        400, post("application/x-protobuf", "garbage".getBytes(StandardCharsets.UTF_8), null));
    assertEquals(
        400,
        post("application/json", "{\"resourceSpans\":".getBytes(StandardCharsets.UTF_8), null));
    assertEquals(
        400, post("application/x-protobuf", "not gzip".getBytes(StandardCharsets.UTF_8), "gzip"));
    assertEquals(415, post("text/plain", "hello".getBytes(StandardCharsets.UTF_8), null));
    assertEquals(415, post("application/x-protobuf", new byte[0], "br"));
    assertEquals(413, post("application/x-protobuf", new byte[MAX_BODY + 1], null));
    assertEquals(413, post("application/x-protobuf", gzip(new byte[4 * MAX_BODY]), "gzip"));
    assertEquals(
        405,
        client
            .send(
                HttpRequest.newBuilder(endpoint).GET().build(),
                HttpResponse.BodyHandlers.discarding())
            .statusCode());

    assertEquals(3, counts.malformed.get());
    assertEquals(2, counts.unsupportedMediaType.get());
    assertEquals(2, counts.tooLarge.get());
    assertEquals(1, counts.wrongMethod.get());
    assertEquals(0, counts.accepted.get());
    assertEquals(0, store.stats().spans);
  }
}
