package dev.weft.smoke;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.opentelemetry.proto.trace.v1.Span;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The README's demo jar, run as a user would, exporting over OTLP: each of its three greetings is one trace across
 * its three services (three JVMs): CLIENT (JDK HttpClient) -> SERVER /greet/* -> CLIENT (OkHttp 5) ->
 * SERVER /names/* in the names service, and for the two it knows, SERVER /greet/* -> PRODUCER send greetings ->
 * CONSUMER process greetings in the mailer, through the Kafka broker the demo starts.
 */
class DemoTest {

  @Test
  void everyGreetingIsOneTraceAcrossTheHttpCallAndKafka() throws Exception {
    try (OtlpReceiver receiver = new OtlpReceiver();
        AppProcess demo =
            AppProcess.jar(Path.of(System.getProperty("weft.demo.jar")))
                .exportingTo(receiver)
                .start()) {
      assertEquals(0, demo.awaitExit(), demo.stderr());
      assertTrue(demo.stdout().contains("GET /greet/ada -> 200 hello, Ada"), demo.stdout());
      assertTrue(demo.stdout().contains("mailer: mailed \"hello, Grace\" to grace"), demo.stdout());

      List<ReceivedSpan> greetings =
          receiver.await(span -> span.name().equals("GET /greet/*"), 3, Duration.ofSeconds(20));
      for (ReceivedSpan greeting : greetings) {
        ReceivedSpan caller =
            receiver.awaitOne(span -> span.spanId().equals(greeting.parentSpanId()));
        assertEquals(Span.SpanKind.SPAN_KIND_CLIENT, caller.kind());
        assertEquals(greeting.traceId(), caller.traceId());
        assertTrue(
            caller.parentSpanId().isEmpty(),
            "a call outside any request starts the trace: " + caller);
        ReceivedSpan client =
            receiver.awaitOne(
                span ->
                    span.kind() == Span.SpanKind.SPAN_KIND_CLIENT
                        && span.parentSpanId().equals(greeting.spanId()));
        ReceivedSpan names = receiver.awaitOne(span -> span.parentSpanId().equals(client.spanId()));
        assertEquals("GET /names/*", names.name());
        assertEquals("weft-demo-names", names.resource().get("service.name"));
        assertEquals(greeting.traceId(), names.traceId());
        assertEquals(
            greeting.attribute("http.response.status_code"),
            client.attribute("http.response.status_code"));
        if (greeting.attribute("http.response.status_code").equals(200L)) {
          ReceivedSpan send =
              receiver.awaitOne(
                  span ->
                      span.kind() == Span.SpanKind.SPAN_KIND_PRODUCER
                          && span.parentSpanId().equals(greeting.spanId()));
          ReceivedSpan mail = receiver.awaitOne(span -> span.parentSpanId().equals(send.spanId()));
          assertEquals("send greetings", send.name());
          assertEquals("process greetings", mail.name());
          assertEquals(Span.SpanKind.SPAN_KIND_CONSUMER, mail.kind());
          assertEquals("weft-demo-mailer", mail.resource().get("service.name"));
          assertEquals(greeting.traceId(), mail.traceId());
        }
      }
      assertEquals("weft-demo", greetings.get(0).resource().get("service.name"));
    }
  }
}
