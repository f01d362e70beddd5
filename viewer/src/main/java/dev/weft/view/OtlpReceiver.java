package dev.weft.view;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;

/**
 * {@code POST /v1/traces}, OTLP/HTTP: {@code application/x-protobuf} or {@code application/json}, optionally
 * gzip-compressed. Answers 200 with an empty {@code ExportTraceServiceResponse} (full success) once the spans are in
 * the store. Refusals are counted and answered at once, never retried by a conforming sender: 405 (not POST),
 * 415 (another content type or encoding), 413 (a body, or a decompressed body, over the limit), 400 (malformed).
 */
final class OtlpReceiver implements HttpHandler {

  private final TraceStore store;
  private final ReceiverCounts counts;
  private final int maxBodyBytes;

  OtlpReceiver(TraceStore store, ReceiverCounts counts, int maxBodyBytes) {
    this.store = store;
    this.counts = counts;
    this.maxBodyBytes = maxBodyBytes;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try {
      if (!exchange.getRequestMethod().equals("POST")) {
        counts.wrongMethod.incrementAndGet();
        exchange.getResponseHeaders().set("Allow", "POST");
        reply(exchange, 405, "only POST is supported");
        return;
      }
      String contentType = mediaType(exchange.getRequestHeaders().getFirst("Content-Type"));
      boolean json = contentType.equals("application/json");
      String encoding = exchange.getRequestHeaders().getFirst("Content-Encoding");
      boolean gzip = encoding != null && encoding.trim().equalsIgnoreCase("gzip");
      if (!json && !contentType.equals("application/x-protobuf")
          || encoding != null && !gzip && !encoding.trim().equalsIgnoreCase("identity")) {
        drain(exchange.getRequestBody());
        counts.unsupportedMediaType.incrementAndGet();
        reply(
            exchange, 415, "application/x-protobuf or application/json (optionally gzip) expected");
        return;
      }
      byte[] body;
      try {
        body = readBody(exchange, gzip);
      } catch (IOException unreadable) { // not gzip after all, or the sender went away
        counts.malformed.incrementAndGet();
        reply(exchange, 400, "unreadable body: " + unreadable.getMessage());
        return;
      }
      if (body == null) {
        drain(exchange.getRequestBody());
        counts.tooLarge.incrementAndGet();
        reply(exchange, 413, "body larger than " + maxBodyBytes + " bytes");
        return;
      }
      List<ViewSpan> spans;
      try {
        spans =
            json
                ? OtlpJson.decode(new String(body, StandardCharsets.UTF_8))
                : OtlpProtobuf.decode(body);
      } catch (MalformedInputException e) {
        counts.malformed.incrementAndGet();
        reply(exchange, 400, e.getMessage());
        return;
      }
      store.add(spans, System.currentTimeMillis());
      counts.accepted.incrementAndGet();
      byte[] response = json ? "{}".getBytes(StandardCharsets.UTF_8) : new byte[0];
      exchange
          .getResponseHeaders()
          .set("Content-Type", json ? "application/json" : "application/x-protobuf");
      exchange.sendResponseHeaders(200, response.length == 0 ? -1 : response.length);
      exchange.getResponseBody().write(response);
    } finally {
      exchange.close();
    }
  }

  /** The body, or null when it is larger than the limit (after decompression too). */
  private byte[] readBody(HttpExchange exchange, boolean gzip) throws IOException {
    String declared = exchange.getRequestHeaders().getFirst("Content-Length");
    if (declared != null) {
      try {
        if (Long.parseLong(declared.trim()) > maxBodyBytes) {
          return null;
        }
      } catch (NumberFormatException e) {
        throw new IOException("invalid Content-Length");
      }
    }
    InputStream in =
        gzip ? new GZIPInputStream(exchange.getRequestBody()) : exchange.getRequestBody();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    byte[] buffer = new byte[16 * 1024];
    int read;
    while ((read = in.read(buffer)) >= 0) {
      if (body.size() + read > maxBodyBytes) {
        return null;
      }
      body.write(buffer, 0, read);
    }
    return body.toByteArray();
  }

  /**
   * Reads what is left of an oversized body (up to a bound), so that the sender, still writing it, gets the 413
   * rather than a reset connection.
   */
  private void drain(InputStream in) throws IOException {
    byte[] buffer = new byte[64 * 1024];
    long left = 8L * maxBodyBytes;
    int read;
    while (left > 0 && (read = in.read(buffer)) >= 0) {
      left -= read;
    }
  }

  private static String mediaType(String contentType) {
    if (contentType == null) {
      return "";
    }
    int parameters = contentType.indexOf(';');
    return (parameters < 0 ? contentType : contentType.substring(0, parameters))
        .trim()
        .toLowerCase(Locale.ROOT);
  }

  static void reply(HttpExchange exchange, int status, String message) throws IOException {
    byte[] bytes = (message + "\n").getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
  }
}
