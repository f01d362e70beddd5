package dev.weft.smoke;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.proto.trace.v1.Status;
import java.net.ServerSocket;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A real Kafka broker (KRaft, started by the test), a Tomcat service that sends records from its requests
 * ({@code /shop/kafka/send}), and a consumer service (KafkaWorker) in another JVM that makes an HTTP call to
 * the Tomcat service for each record, both under the agent: SERVER -> PRODUCER -> CONSUMER (process) -> CLIENT ->
 * SERVER in one trace, per record, whichever way the consumer loops over its records.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KafkaTest {

  private static final String[] LOOPS = {"for", "forEach", "topic", "partition", "break"};

  private final AtomicInteger recordNumber = new AtomicInteger();
  private KafkaShop kafka;
  private OtlpReceiver receiver;
  private AppProcess shop;
  private AppProcess worker;

  @BeforeAll
  void start() throws Exception {
    kafka = new KafkaShop();
    receiver = kafka.receiver;
    shop = kafka.shop;
    worker = startWorker(AppProcess.app("KafkaWorker"), "worker", LOOPS);
  }

  @AfterAll
  void stop() throws Exception {
    worker.close();
    kafka.close();
  }

  /** A KafkaWorker calling the shop's /hello, with one consumer per loop kind on topic {@code <prefix>-<loop>}. */
  private AppProcess startWorker(AppProcess.Builder builder, String prefix, String... loops)
      throws Exception {
    builder
        .exportingTo(receiver)
        .with("otel.service.name", prefix)
        .argument(kafka.broker.bootstrapServers())
        .argument(kafka.helloUrl());
    for (String loop : loops) {
      builder.argument(prefix + "-" + loop + ":" + loop);
    }
    AppProcess started = builder.start();
    started.port();
    return started;
  }

  /** Sends a record from a request to {@code shop}, which answers once the broker has it; returns the value. */
  private String send(AppProcess from, String topic) throws Exception {
    String value = topic + "-record-" + recordNumber.incrementAndGet();
    kafka.send(from, topic, "key-" + value, value);
    return value;
  }

  private ReceivedSpan childOf(ReceivedSpan parent, Span.SpanKind kind)
      throws InterruptedException {
    return receiver.awaitOne(
        span -> span.kind() == kind && span.parentSpanId().equals(parent.spanId()));
  }

  /** The record's whole trace, checked hop by hop; returns the CONSUMER span. */
  private ReceivedSpan assertOneTrace(String value, String topic, String workerService)
      throws Exception {
    ReceivedSpan server = kafka.serverSpanSending(value);
    ReceivedSpan producer = childOf(server, Span.SpanKind.SPAN_KIND_PRODUCER);
    ReceivedSpan consumer = childOf(producer, Span.SpanKind.SPAN_KIND_CONSUMER);
    ReceivedSpan client = kafka.callFor("record", value);
    ReceivedSpan hello = childOf(client, Span.SpanKind.SPAN_KIND_SERVER);
    assertEquals(
        consumer.spanId(), client.parentSpanId(), "the HTTP call made while processing the record");
    for (ReceivedSpan span : List.of(producer, consumer, client, hello)) {
      assertEquals(server.traceId(), span.traceId(), span.name());
    }
    assertEquals("send " + topic, producer.name());
    assertEquals("process " + topic, consumer.name());
    assertEquals(workerService, consumer.resource().get("service.name"));
    assertEquals(
        1,
        receiver
            .matching(
                span ->
                    span.kind() == Span.SpanKind.SPAN_KIND_CONSUMER
                        && span.parentSpanId().equals(producer.spanId()))
            .size(),
        "one process span per record");
    return consumer;
  }

  @Test
  void oneTraceFromTheRequestThroughKafkaToTheConsumersHttpCall() throws Exception {
    String topic = "worker-for";
    String value = send(shop, topic);
    ReceivedSpan consumer = assertOneTrace(value, topic, "worker");
    ReceivedSpan producer =
        receiver.awaitOne(span -> span.spanId().equals(consumer.parentSpanId()));

    assertEquals("shop", producer.resource().get("service.name"));
    assertEquals("kafka", producer.attribute("messaging.system"));
    assertEquals(topic, producer.attribute("messaging.destination.name"));
    assertEquals("send", producer.attribute("messaging.operation.type"));
    assertEquals("send", producer.attribute("messaging.operation.name"));
    assertEquals("key-" + value, producer.attribute("messaging.kafka.message.key"));
    assertEquals("0", producer.attribute("messaging.destination.partition.id"));
    assertEquals("shop-producer", producer.attribute("messaging.client.id"));
    assertEquals((long) value.length(), producer.attribute("messaging.message.body.size"));
    assertTrue((Long) producer.attribute("messaging.kafka.offset") >= 0);

    assertEquals("kafka", consumer.attribute("messaging.system"));
    assertEquals(topic, consumer.attribute("messaging.destination.name"));
    assertEquals("process", consumer.attribute("messaging.operation.type"));
    assertEquals("process", consumer.attribute("messaging.operation.name"));
    assertEquals("key-" + value, consumer.attribute("messaging.kafka.message.key"));
    assertEquals("0", consumer.attribute("messaging.destination.partition.id"));
    assertEquals(
        producer.attribute("messaging.kafka.offset"), consumer.attribute("messaging.kafka.offset"));
    assertEquals("worker-" + topic, consumer.attribute("messaging.consumer.group.name"));
    assertEquals("worker-" + topic, consumer.attribute("messaging.client.id"));
    assertEquals((long) value.length(), consumer.attribute("messaging.message.body.size"));
    assertTrue(consumer.span().getStartTimeUnixNano() >= producer.span().getStartTimeUnixNano());
  }

  @ParameterizedTest
  @ValueSource(strings = {"for", "forEach", "topic", "partition"})
  void eachRecordIsProcessedInItsProducersTraceWhateverTheLoop(String loop) throws Exception {
    String topic = "worker-" + loop;
    String first = send(shop, topic);
    String second = send(shop, topic);
    ReceivedSpan firstConsumer = assertOneTrace(first, topic, "worker");
    ReceivedSpan secondConsumer = assertOneTrace(second, topic, "worker");
    assertNotEquals(firstConsumer.traceId(), secondConsumer.traceId());
  }

  @Test
  void breakingOutOfTheLoopLeavesNoSpanOpenAndNoContextCurrent() throws Exception {
    String topic = "worker-break";
    String value = send(shop, topic);
    ReceivedSpan consumer = assertOneTrace(value, topic, "worker");
    ReceivedSpan afterLoop = kafka.callFor("after-loop", value);
    assertNotEquals(
        consumer.spanId(), afterLoop.parentSpanId(), "the call after the loop is not the record's");
    assertNotEquals(consumer.traceId(), afterLoop.traceId());
  }

  @Test
  void recordsFromTwoTracesInOnePollStayInTheirTracesAndThePollSpanLinksBoth() throws Exception {
    String topic = "batch-for";
    String first = send(shop, topic);
    String second = send(shop, topic);
    // started after both records are in the topic, so that its first poll returns both
    try (AppProcess batchWorker =
        startWorker(
            AppProcess.app("KafkaWorker")
                .with("otel.instrumentation.kafka.poll-spans.enabled", "true"),
            "batch",
            "for")) {
      ReceivedSpan firstConsumer = assertOneTrace(first, topic, "batch");
      ReceivedSpan secondConsumer = assertOneTrace(second, topic, "batch");
      assertNotEquals(firstConsumer.traceId(), secondConsumer.traceId());

      ReceivedSpan poll = receiver.awaitOne(span -> span.name().equals("poll " + topic));
      assertEquals(Span.SpanKind.SPAN_KIND_CONSUMER, poll.kind());
      assertEquals("receive", poll.attribute("messaging.operation.type"));
      assertEquals("poll", poll.attribute("messaging.operation.name"));
      assertEquals(2L, poll.attribute("messaging.batch.message_count"));
      assertEquals("worker-" + topic, poll.attribute("messaging.consumer.group.name"));
      Set<String> linked =
          poll.span().getLinksList().stream()
              .map(link -> ReceivedSpan.hex(link.getSpanId()))
              .collect(Collectors.toSet());
      assertEquals(Set.of(firstConsumer.parentSpanId(), secondConsumer.parentSpanId()), linked);
    }
  }

  @Test
  void recordsSentWithoutPropagationStartNewTraces() throws Exception {
    try (AppProcess quietShop =
        AppProcess.app("TomcatApp")
            .exportingTo(receiver)
            .with("otel.service.name", "quiet-shop")
            .with("otel.instrumentation.kafka.producer-propagation.enabled", "false")
            .start()) {
      String value = send(quietShop, "worker-for");
      ReceivedSpan producer =
          childOf(kafka.serverSpanSending(value), Span.SpanKind.SPAN_KIND_PRODUCER);
      ReceivedSpan client = kafka.callFor("record", value);
      ReceivedSpan consumer =
          receiver.awaitOne(span -> span.spanId().equals(client.parentSpanId()));
      assertEquals("process worker-for", consumer.name());
      assertEquals(
          "", consumer.parentSpanId(), "a record without a producer context starts a trace");
      assertNotEquals(producer.traceId(), consumer.traceId());
    }
  }

  @Test
  void aFailedSendEndsTheProducerSpanWithError() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    String query = "bootstrap=127.0.0.1:" + closedPort + "&topic=nowhere&key=k&value=lost";
    assertEquals(500, Http.get(shop.port(), "/shop/kafka/send?" + query).statusCode());

    ReceivedSpan producer =
        childOf(kafka.serverSpanSending("lost"), Span.SpanKind.SPAN_KIND_PRODUCER);
    assertEquals("send nowhere", producer.name());
    assertEquals(Status.StatusCode.STATUS_CODE_ERROR, producer.status());
    assertEquals(
        "org.apache.kafka.common.errors.TimeoutException", producer.attribute("error.type"));
  }

  @Test
  void sendingOneRecordTwiceIsHarmless() throws Exception {
    String value = "twice-" + recordNumber.incrementAndGet();
    assertEquals(
        200,
        Http.get(
                shop.port(),
                "/shop/kafka/send-twice?bootstrap="
                    + kafka.broker.bootstrapServers()
                    + "&topic=twice&key=k&value="
                    + value)
            .statusCode(),
        "the second send finds read-only headers");
    ReceivedSpan server = kafka.serverSpanSending(value);
    assertEquals(
        2,
        receiver
            .await(
                span ->
                    span.kind() == Span.SpanKind.SPAN_KIND_PRODUCER
                        && span.parentSpanId().equals(server.spanId()),
                2,
                java.time.Duration.ofSeconds(20))
            .size());
  }

  @Test
  void theSendCallbackRunsInTheCallersContext() throws Exception {
    String value = "callback-" + recordNumber.incrementAndGet();
    assertEquals(
        200,
        Http.get(
                shop.port(),
                "/shop/kafka/send?bootstrap="
                    + kafka.broker.bootstrapServers()
                    + "&topic=callbacks&key=k&callbackPort="
                    + shop.port()
                    + "&value="
                    + value)
            .statusCode());
    ReceivedSpan server = kafka.serverSpanSending(value);
    ReceivedSpan callbackCall = childOf(server, Span.SpanKind.SPAN_KIND_CLIENT);
    assertTrue(
        String.valueOf(callbackCall.attribute("url.full")).endsWith("/shop/hello?from=callback"));
  }

  @Test
  void theOldestSupportedClientsAreTracedAlike() throws Exception {
    try (AppProcess oldShop =
            AppProcess.appWithOldestKafkaClients("TomcatApp")
                .exportingTo(receiver)
                .with("otel.service.name", "old-shop")
                .start();
        AppProcess oldWorker =
            startWorker(AppProcess.appWithOldestKafkaClients("KafkaWorker"), "old", "for")) {
      String value = send(oldShop, "old-for");
      ReceivedSpan consumer = assertOneTrace(value, "old-for", "old");
      assertEquals("worker-old-for", consumer.attribute("messaging.consumer.group.name"));
    }
  }
}
