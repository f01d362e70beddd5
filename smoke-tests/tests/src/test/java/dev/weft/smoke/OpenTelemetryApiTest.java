package dev.weft.smoke;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.proto.trace.v1.Status;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The application's own OpenTelemetry API, bridged to the agent's SDK, with three versions of the API on the
 * application's class path: 1.30.1 (the apps' own), 1.68.0 (newer than the agent's 1.67 SDK) and 1.0.0 (the
 * oldest). A traced request: the application reads {@code Span.current()}, starts its own span and makes an OkHttp
 * call inside it.
 */
class OpenTelemetryApiTest {

  static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
  static final String TRACEPARENT = "00-" + TRACE_ID + "-00f067aa0ba902b7-01";

  @Nested
  class Api1301 extends Versioned {
    @Override
    AppProcess.Builder application() {
      return AppProcess.app("OpenTelemetryApiApp");
    }

    @Override
    String apiJar() {
      return "opentelemetry-api-1.30.1.jar";
    }
  }

  @Nested
  class Api1680 extends Versioned {
    @Override
    AppProcess.Builder application() throws Exception {
      return AppProcess.appWithLibraries(
          "OpenTelemetryApiApp",
          AppProcess.APPS.resolve("otel-api-1.68.0"),
          "opentelemetry-api-",
          "opentelemetry-context-",
          "opentelemetry-common-");
    }

    @Override
    String apiJar() {
      return "opentelemetry-api-1.68.0.jar";
    }
  }

  @Nested
  class Api100 extends Versioned {
    @Override
    AppProcess.Builder application() throws Exception {
      return AppProcess.appWithLibraries(
          "OpenTelemetryApiApp",
          AppProcess.APPS.resolve("otel-api-1.0.0"),
          "opentelemetry-api-",
          "opentelemetry-context-",
          "opentelemetry-common-");
    }

    @Override
    String apiJar() {
      return "opentelemetry-api-1.0.0.jar";
    }
  }

  @TestInstance(TestInstance.Lifecycle.PER_CLASS)
  abstract static class Versioned {
    private OtlpReceiver receiver;
    private AppProcess app;

    abstract AppProcess.Builder application() throws Exception;

    abstract String apiJar();

    @BeforeAll
    void start() throws Exception {
      receiver = new OtlpReceiver();
      app = application().exportingTo(receiver).with("otel.service.name", "manual-spans").start();
      app.port();
    }

    @AfterAll
    void stop() throws Exception {
      app.close();
      receiver.close();
    }

    @Test
    void applicationSpanJoinsTheAgentsTraceBothWays() throws Exception {
      Map<String, String> report =
          report(
              Http.get(
                      app.port(),
                      "/app/manual",
                      "traceparent",
                      TRACEPARENT,
                      "baggage",
                      "incoming=yes")
                  .body());
      assertEquals(apiJar(), report.get("api"), "the application keeps its own API");

      ReceivedSpan server =
          receiver.awaitOne(
              span ->
                  span.kind() == Span.SpanKind.SPAN_KIND_SERVER
                      && "/app/manual".equals(span.attribute("url.path"))
                      && TRACE_ID.equals(span.traceId()));
      ReceivedSpan manual =
          receiver.awaitOne(
              span ->
                  span.name().equals("manual-work") && span.parentSpanId().equals(server.spanId()));
      ReceivedSpan client =
          receiver.awaitOne(
              span ->
                  span.kind() == Span.SpanKind.SPAN_KIND_CLIENT
                      && span.parentSpanId().equals(manual.spanId()));
      ReceivedSpan echo =
          receiver.awaitOne(
              span ->
                  span.kind() == Span.SpanKind.SPAN_KIND_SERVER
                      && span.parentSpanId().equals(client.spanId()));

      assertEquals(
          TRACE_ID + "-" + server.spanId() + "-true",
          report.get("current"),
          "Span.current() in the application is the agent's SERVER span");
      assertEquals(TRACE_ID + "-" + manual.spanId(), report.get("span"));
      assertEquals("true", report.get("span-is-current"));
      assertEquals("true", report.get("restored"), "closing the scope brings the SERVER span back");
      assertEquals(TRACE_ID, manual.traceId());
      assertEquals(TRACE_ID, client.traceId());
      assertEquals("/app/echo", echo.attribute("url.path"));

      assertEquals("manual-spans", manual.resource().get("service.name"), "the agent's resource");
      assertEquals(Span.SpanKind.SPAN_KIND_INTERNAL, manual.kind());
      assertEquals("s", manual.attribute("app.string"));
      assertEquals(42L, manual.attribute("app.long"));
      assertEquals(true, manual.attribute("app.flag"));
      assertTrue(String.valueOf(manual.attribute("app.list")).contains("\"a\""), manual.toString());
      assertEquals(Status.StatusCode.STATUS_CODE_ERROR, manual.status());
      assertEquals("manual failure", manual.span().getStatus().getMessage());
      List<Span.Event> events = manual.span().getEventsList();
      assertEquals(
          List.of("checkpoint", "exception"),
          events.stream().map(Span.Event::getName).collect(Collectors.toList()));
      assertEquals("one", attributes(events.get(0).getAttributesList()).get("step"));
      assertEquals(
          "handled", attributes(events.get(1).getAttributesList()).get("exception.message"));
      Span.Link link = manual.span().getLinks(0);
      assertEquals("0af7651916cd43dd8448eb211c80319c", ReceivedSpan.hex(link.getTraceId()));
      assertEquals("b7ad6b7169203331", ReceivedSpan.hex(link.getSpanId()));
      assertEquals("batch", attributes(link.getAttributesList()).get("link.reason"));

      assertEquals(
          true, server.attribute("app.enriched"), "Span.current() is the agent's span itself");
      assertEquals(
          "yes",
          report.get("incoming-baggage"),
          "the application sees the baggage the agent extracted");
      assertEquals(
          Set.of("app.tenant=acme", "incoming=yes"),
          Set.of(report.get("echoed-baggage").split(",")),
          "the application's baggage is sent");
      assertEquals("note", report.get("note-after-call"), "the application's own context key");
      assertEquals("acme", report.get("baggage-after-call"));
    }

    @Test
    void globalSetIsIgnoredWithOneWarning() throws Exception {
      try (AppProcess own = application().exportingTo(receiver).start()) {
        assertEquals("after-set=recording", Http.get(own.port(), "/app/set-global").body());
        assertEquals("after-set=recording", Http.get(own.port(), "/app/set-global").body());
        own.stop(); // and its output read to the end
        List<String> warnings = own.stderrLinesWith("[weft]");
        assertEquals(1, warnings.size(), own.stderr());
        assertTrue(
            warnings
                .get(0)
                .startsWith("[weft] WARN the application's GlobalOpenTelemetry.set is ignored"),
            warnings.get(0));
      }
    }

    private static Map<String, String> report(String body) {
      Map<String, String> report = new HashMap<>();
      for (String line : body.split("\n")) {
        int equals = line.indexOf('=');
        report.put(line.substring(0, equals), line.substring(equals + 1));
      }
      return report;
    }

    private static Map<String, String> attributes(List<KeyValue> keyValues) {
      Map<String, String> map = new HashMap<>();
      for (KeyValue keyValue : keyValues) {
        map.put(keyValue.getKey(), keyValue.getValue().getStringValue());
      }
      return map;
    }
  }
}
