package dev.weft.smoke;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A real Zipkin server ({@code io.zipkin:zipkin-server}'s exec jar, in-memory storage) in its own JVM on a free port,
 * and its query API.
 */
final class LocalZipkin implements AutoCloseable {

  private static final HttpClient CLIENT = HttpClient.newHttpClient();

  private final Process process;
  private final Path log;
  private final int port;

  LocalZipkin() throws Exception {
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    log = Files.createTempFile("zipkin", ".log");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder builder =
        new ProcessBuilder(
                java,
                "-Xmx256m",
                "-jar",
                System.getProperty("weft.zipkin.jar"),
                "--server.port=" + port)
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    builder.environment().put("STORAGE_TYPE", "mem");
    builder.environment().put("QUERY_PORT", Integer.toString(port));
    process = builder.start();
    awaitHealthy();
  }

  private void awaitHealthy() throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("Zipkin ended: " + Files.readString(log));
      }
      try {
        if (get("/health").statusCode() == 200) {
          return;
        }
      } catch (java.io.IOException notListeningYet) {
        // starting
      }
      Thread.sleep(200);
    }
    throw new IllegalStateException("Zipkin did not start in 120 s: " + Files.readString(log));
  }

  /** Where spans are sent: {@code otel.exporter.zipkin.endpoint}. */
  String spansEndpoint() {
    return "http://127.0.0.1:" + port + "/api/v2/spans";
  }

  /** The spans of a trace as Zipkin returns them, once {@code until} holds for them (within 30 s). */
  List<ZipkinSpan> awaitTrace(String traceId, Predicate<List<ZipkinSpan>> until) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    List<ZipkinSpan> spans = List.of();
    while (System.nanoTime() < deadline) {
      HttpResponse<String> response = get("/api/v2/trace/" + traceId);
      spans = response.statusCode() == 200 ? ZipkinSpan.parse(response.body()) : List.of();
      if (until.test(spans)) {
        return spans;
      }
      Thread.sleep(200);
    }
    throw new AssertionError("trace " + traceId + " in Zipkin: " + spans);
  }

  private HttpResponse<String> get(String path) throws Exception {
    return CLIENT.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .timeout(Duration.ofSeconds(10))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Override
  public void close() throws Exception {
    process.destroy();
    if (!process.waitFor(20, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
    Files.deleteIfExists(log);
  }

  /** What a test asserts of a span Zipkin holds (Zipkin's JSON v2, read field by field). */
  record ZipkinSpan(String traceId, String parentId, String id, String kind, String name) {

    /** Each span object begins with its traceId, and its nested objects (endpoints, tags) hold none. */
    static List<ZipkinSpan> parse(String json) {
      List<ZipkinSpan> spans = new ArrayList<>();
      String[] objects = json.split("\\{\"traceId\":");
      for (int i = 1; i < objects.length; i++) {
        String object = "\"traceId\":" + objects[i];
        spans.add(
            new ZipkinSpan(
                field(object, "traceId"),
                field(object, "parentId"),
                field(object, "id"),
                field(object, "kind"),
                field(object, "name")));
      }
      return spans;
    }

    private static String field(String object, String name) {
      String key = "\"" + name + "\":\"";
      int start = object.indexOf(key);
      if (start < 0) {
        return null;
      }
      start += key.length();
      return object.substring(start, object.indexOf('"', start));
    }
  }
}
