package dev.weft.smoke;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.opentelemetry.proto.trace.v1.Span;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Applications log inside a traced request with a pattern {@code [%X{trace_id}] [%X{span_id}] [%X{trace_flags}]}
 * to stdout, on the logging thread ({@code SYNC} lines) and through an async appender ({@code ASYNC} lines): the
 * printed ids are the exported SERVER span's, and a line logged outside any span has them empty. Logback 1.5 and
 * 1.2 (with SLF4J 1.7), Log4j 2.25 and 2.17.
 */
class LogCorrelationTest {

  private static final Path LOGBACK_APP = Path.of(System.getProperty("weft.logback-app.dir"));
  private static final Path LOG4J_APP = Path.of(System.getProperty("weft.log4j-app.dir"));

  private static AppProcess.Builder app(String library) throws IOException {
    switch (library) {
      case "logback-1.5":
        return AppProcess.app(
            LOGBACK_APP, "dev.weft.smoke.logback.LogbackApp", AppProcess.classpathOf(LOGBACK_APP));
      case "logback-1.2":
        return AppProcess.app(
            LOGBACK_APP,
            "dev.weft.smoke.logback.LogbackApp",
            withJarsOf(AppProcess.classpathOf(LOGBACK_APP), LOGBACK_APP.resolve("logback-1.2")));
      case "log4j-2.25":
        return AppProcess.app(
            LOG4J_APP, "dev.weft.smoke.log4j.Log4jApp", AppProcess.classpathOf(LOG4J_APP));
      case "log4j-2.17":
        return AppProcess.app(
            LOG4J_APP,
            "dev.weft.smoke.log4j.Log4jApp",
            withJarsOf(AppProcess.classpathOf(LOG4J_APP), LOG4J_APP.resolve("log4j-2.17")));
      default:
        throw new IllegalArgumentException(library);
    }
  }

  /** The class path with each library that has a jar in {@code versions} (another version of it) swapped for it. */
  private static String withJarsOf(String classpath, Path versions) throws IOException {
    List<Path> replacements;
    try (Stream<Path> jars = Files.list(versions)) {
      replacements = jars.toList();
    }
    List<String> entries = new ArrayList<>();
    for (String entry : classpath.split(File.pathSeparator)) {
      String fileName = Path.of(entry).getFileName().toString();
      String swapped = entry;
      for (Path replacement : replacements) {
        String name = replacement.getFileName().toString();
        String artifactAndDash = name.substring(0, name.lastIndexOf('-') + 1);
        if (fileName.startsWith(artifactAndDash)
            && Character.isDigit(fileName.charAt(artifactAndDash.length()))) {
          swapped = replacement.toString();
        }
      }
      entries.add(swapped);
    }
    return String.join(File.pathSeparator, entries);
  }

  @ParameterizedTest
  @ValueSource(strings = {"logback-1.5", "logback-1.2", "log4j-2.25", "log4j-2.17"})
  void logLinesInsideASpanCarryItsIds(String library) throws Exception {
    try (OtlpReceiver receiver = new OtlpReceiver();
        AppProcess app = app(library).exportingTo(receiver).start()) {
      assertEquals(200, Http.get(app.port(), "/shop/log?request=1").statusCode());
      ReceivedSpan server =
          receiver.awaitOne(
              span ->
                  span.kind() == Span.SpanKind.SPAN_KIND_SERVER
                      && "request=1".equals(span.attribute("url.query")));

      String ids = ids(server);
      assertEquals(
          "SYNC " + ids + "handled request 1", awaitLine(app, "SYNC ", "handled request 1"));
      assertEquals(
          "ASYNC " + ids + "handled request 1", awaitLine(app, "ASYNC ", "handled request 1"));
      assertEquals("SYNC [] [] [] started", awaitLine(app, "SYNC ", "started"));
      assertEquals("ASYNC [] [] [] started", awaitLine(app, "ASYNC ", "started"));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"logback-1.5", "logback-1.2"})
  void insideAWithSpanMethodTheIdsAreThatSpans(String library) throws Exception {
    try (OtlpReceiver receiver = new OtlpReceiver();
        AppProcess app = app(library).exportingTo(receiver).start()) {
      assertEquals(200, Http.get(app.port(), "/shop/orders?request=2").statusCode());
      ReceivedSpan place = receiver.awaitOne(span -> span.name().equals("place order"));

      String ids = ids(place);
      assertEquals("SYNC " + ids + "placing order 42", awaitLine(app, "SYNC ", "placing order 42"));
      assertEquals(
          "ASYNC " + ids + "placing order 42", awaitLine(app, "ASYNC ", "placing order 42"));
    }
  }

  /** What the pattern prints for the span: its trace id, span id and W3C trace flags ({@code 01}: sampled). */
  private static String ids(ReceivedSpan span) {
    return "["
        + span.traceId()
        + "] ["
        + span.spanId()
        + "] ["
        + String.format("%02x", span.span().getFlags() & 0xff)
        + "] ";
  }

  /** The first stdout line with this start and end, waiting for the async appender's thread to print it. */
  private static String awaitLine(AppProcess app, String start, String end)
      throws InterruptedException {
    long deadline = System.nanoTime() + 20_000_000_000L;
    while (true) {
      for (String line : app.stdout().split("\n")) {
        if (line.startsWith(start) && line.endsWith(end)) {
          return line;
        }
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError(
            "no line '" + start + "... " + end + "' in stdout:\n" + app.stdout() + app.stderr());
      }
      Thread.sleep(20);
    }
  }
}
