package dev.weft.view;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The page's server: {@code /}, {@code /trace/{traceId}} and {@code /graph} all get the one HTML page (its script
 * renders the view the path names), {@code /static/*} its script and style sheet from the jar, {@code /api/*} the
 * JSON of {@link ViewApi}. GET only; nothing is cached by the browser, so the page always shows the running viewer.
 */
final class ViewServer implements HttpHandler {

  private static final Map<String, String> STATIC_TYPES =
      Map.of(
          "view.js", "text/javascript; charset=utf-8",
          "view.css", "text/css; charset=utf-8");

  private final ViewApi api;
  private final byte[] page;
  private final Map<String, byte[]> statics = new LinkedHashMap<>();

  ViewServer(ViewApi api) {
    this.api = api;
    this.page = resource("index.html");
    for (String name : STATIC_TYPES.keySet()) {
      statics.put(name, resource(name));
    }
  }

  private static byte[] resource(String name) {
    try (InputStream in = ViewServer.class.getResourceAsStream("page/" + name)) {
      if (in == null) {
        throw new IllegalStateException("page/" + name + " missing from the jar");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try {
      if (!exchange.getRequestMethod().equals("GET")
          && !exchange.getRequestMethod().equals("HEAD")) {
        exchange.getResponseHeaders().set("Allow", "GET, HEAD");
        OtlpReceiver.reply(exchange, 405, "only GET is supported");
        return;
      }
      String path = exchange.getRequestURI().getPath();
      Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
      if (path.equals("/") || path.equals("/graph") || path.startsWith("/trace/")) {
        send(exchange, 200, "text/html; charset=utf-8", page);
      } else if (path.startsWith("/static/")
          && statics.containsKey(path.substring("/static/".length()))) {
        String name = path.substring("/static/".length());
        send(exchange, 200, STATIC_TYPES.get(name), statics.get(name));
      } else if (path.equals("/api/traces")) {
        json(exchange, api.traces(query));
      } else if (path.equals("/api/graph")) {
        json(exchange, api.graph(query));
      } else if (path.startsWith("/api/trace/")) {
        String trace = api.trace(path.substring("/api/trace/".length()));
        if (trace == null) {
          OtlpReceiver.reply(exchange, 404, "no such trace held");
        } else {
          json(exchange, trace);
        }
      } else {
        OtlpReceiver.reply(exchange, 404, "not found");
      }
    } finally {
      exchange.close();
    }
  }

  private static void json(HttpExchange exchange, String json) throws IOException {
    send(exchange, 200, "application/json", json.getBytes(StandardCharsets.UTF_8));
  }

  private static void send(HttpExchange exchange, int status, String type, byte[] body)
      throws IOException {
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.getResponseHeaders().set("Cache-Control", "no-store");
    boolean head = exchange.getRequestMethod().equals("HEAD");
    exchange.sendResponseHeaders(status, head ? -1 : body.length);
    if (!head) {
      exchange.getResponseBody().write(body);
    }
  }

  private static Map<String, String> query(String rawQuery) {
    Map<String, String> query = new LinkedHashMap<>();
    if (rawQuery == null) {
      return query;
    }
    for (String pair : rawQuery.split("&")) {
      int equals = pair.indexOf('=');
      String name = equals < 0 ? pair : pair.substring(0, equals);
      String value = equals < 0 ? "" : pair.substring(equals + 1);
      try {
        query.put(
            URLDecoder.decode(name, StandardCharsets.UTF_8),
            URLDecoder.decode(value, StandardCharsets.UTF_8));
      } catch (IllegalArgumentException malformed) {
        // a broken escape: the parameter is left out
      }
    }
    return query;
  }
}
