package dev.weft.smoke;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.weft.kafkabroker.LocalKafkaBroker;
import io.opentelemetry.proto.trace.v1.Span;
import java.nio.file.Files;

/**
 * What the Kafka tests run on: an OTLP receiver, a local Kafka broker, and the Tomcat application (service
 * {@code shop}) under the agent, whose {@code /shop/kafka/send} sends records and whose {@code /shop/hello} the
 * consumer services call for each record they handle.
 */
final class KafkaShop implements AutoCloseable {

  final OtlpReceiver receiver;
  final LocalKafkaBroker broker;
  final AppProcess shop;

  KafkaShop() throws Exception {
    receiver = new OtlpReceiver();
    broker = LocalKafkaBroker.start(Files.createTempDirectory("kafka"));
    shop =
        AppProcess.app("TomcatApp").exportingTo(receiver).with("otel.service.name", "shop").start();
  }

  /** The URL the consumer services call for each record. */
  String helloUrl() throws Exception {
    return "http://127.0.0.1:" + shop.port() + "/shop/hello";
  }

  /** Sends a record from a request to {@code from}'s {@code /shop/kafka/send}, which answers once the broker has it. */
  void send(AppProcess from, String topic, String key, String value) throws Exception {
    assertEquals(
        200,
        Http.get(
                from.port(),
                "/shop/kafka/send?bootstrap="
                    + broker.bootstrapServers()
                    + "&topic="
                    + topic
                    + "&key="
                    + key
                    + "&value="
                    + value)
            .statusCode());
  }

  /** The SERVER span of the request that sent the record with this value. */
  ReceivedSpan serverSpanSending(String value) throws InterruptedException {
    return receiver.awaitOne(
        span ->
            span.kind() == Span.SpanKind.SPAN_KIND_SERVER
                && String.valueOf(span.attribute("url.query")).endsWith("&value=" + value));
  }

  /** A consumer service's GET {@code ?<parameter>=<value>}, which it makes while handling a record. */
  ReceivedSpan callFor(String parameter, String value) throws InterruptedException {
    return receiver.awaitOne(
        span ->
            span.kind() == Span.SpanKind.SPAN_KIND_CLIENT
                && String.valueOf(span.attribute("url.full"))
                    .endsWith("?" + parameter + "=" + value));
  }

  @Override
  public void close() throws Exception {
    shop.close();
    broker.close();
    receiver.close();
  }
}
