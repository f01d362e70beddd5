package dev.weft.smoke;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.proto.trace.v1.Status;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A Spring Boot service with spring-kafka listeners (the app in smoke-tests/spring-kafka-app), under the agent,
 * against a real broker: three records per listener, each sent from a traced request to a Tomcat service (SERVER ->
 * PRODUCER), all in the topics before the service starts, so that each batch listener gets the three in one batch.
 * Every listener makes an HTTP call per record it handles; the tests follow each record's trace from its producer.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AbstractSpringKafkaTest {

  private static final String[] LISTENERS = {
    "record",
    "record-retry",
    "retryable",
    "batch-for",
    "batch-foreach",
    "batch-index",
    "batch-stream",
    "batch-records",
    "batch-fail",
    "batch-whole"
  };
  private static final int RECORDS_PER_LISTENER = 3;

  private final String prefix;

  /** The values sent to each listener's topic, in order. */
  private final Map<String, List<String>> sent = new LinkedHashMap<>();

  private KafkaShop kafka;
  private OtlpReceiver receiver;
  private AppProcess service;

  /** @param prefix of the topics, groups and service name */
  AbstractSpringKafkaTest(String prefix) {
    this.prefix = prefix;
  }

  /** The Spring Boot application's executable jar. */
  abstract Path applicationJar();

  @BeforeAll
  void start() throws Exception {
    kafka = new KafkaShop();
    receiver = kafka.receiver;
    for (String listener : LISTENERS) {
      List<String> values = new ArrayList<>();
      for (int i = 1; i <= RECORDS_PER_LISTENER; i++) {
        String value = topic(listener) + "-value-" + i;
        kafka.send(kafka.shop, topic(listener), "key-" + value, value);
        values.add(value);
      }
      sent.put(listener, values);
    }
    service =
        AppProcess.jar(applicationJar())
            .exportingTo(receiver)
            .with("otel.service.name", prefix)
            .argument("--spring.kafka.bootstrap-servers=" + kafka.broker.bootstrapServers())
            .argument("--weft.call-url=" + kafka.helloUrl())
            .argument("--weft.topic-prefix=" + prefix)
            .start();
    service.port();
  }

  @AfterAll
  void stop() throws Exception {
    if (service != null) {
      service.close();
      // the service's output, for when a test failed
      Files.writeString(
          Path.of("target", prefix + "-service.log"), service.stdout() + service.stderr());
    }
    kafka.close();
  }

  private String topic(String listener) {
    return prefix + "-" + listener;
  }

  private ReceivedSpan producerOf(String value) throws InterruptedException {
    ReceivedSpan server = kafka.serverSpanSending(value);
    return receiver.awaitOne(
        span ->
            span.kind() == Span.SpanKind.SPAN_KIND_PRODUCER
                && span.parentSpanId().equals(server.spanId()));
  }

  private ReceivedSpan span(String spanId) throws InterruptedException {
    return receiver.awaitOne(span -> span.spanId().equals(spanId));
  }

  /** The CONSUMER spans that are children of the span, waiting for {@code count} of them. */
  private List<ReceivedSpan> consumersUnder(ReceivedSpan parent, int count)
      throws InterruptedException {
    return receiver.await(
        span ->
            span.kind() == Span.SpanKind.SPAN_KIND_CONSUMER
                && span.parentSpanId().equals(parent.spanId()),
        count,
        Duration.ofSeconds(20));
  }

  private List<ReceivedSpan> batchSpans(String listener, int count) throws InterruptedException {
    return receiver.await(
        span ->
            span.kind() == Span.SpanKind.SPAN_KIND_CONSUMER
                && span.name().equals("process " + topic(listener))
                && span.attribute("messaging.batch.message_count") != null,
        count,
        Duration.ofSeconds(30));
  }

  private static Set<String> links(ReceivedSpan span) {
    return span.span().getLinksList().stream()
        .map(link -> ReceivedSpan.hex(link.getSpanId()))
        .collect(Collectors.toSet());
  }

  /** The record's process span: the one CONSUMER child of its producer, with the listener's call under it. */
  private ReceivedSpan assertProcessedInProducersTrace(
      String listener, String value, String callValue) throws InterruptedException {
    ReceivedSpan producer = producerOf(value);
    ReceivedSpan call = kafka.callFor(listener, callValue);
    ReceivedSpan process = span(call.parentSpanId());
    assertEquals(
        Span.SpanKind.SPAN_KIND_CONSUMER,
        process.kind(),
        "the call is made while processing the record");
    assertEquals(
        producer.spanId(),
        process.parentSpanId(),
        "the record's process span is its producer's child");
    assertEquals(producer.traceId(), call.traceId());
    assertEquals("process " + topic(listener), process.name());
    assertEquals(prefix, process.resource().get("service.name"));
    assertEquals("kafka", process.attribute("messaging.system"));
    assertEquals("process", process.attribute("messaging.operation.type"));
    assertEquals(topic(listener), process.attribute("messaging.destination.name"));
    assertEquals(topic(listener), process.attribute("messaging.consumer.group.name"));
    assertEquals("key-" + value, process.attribute("messaging.kafka.message.key"));
    return process;
  }

  @Test
  void aRecordListenersWorkIsInEachRecordsProducerTrace() throws Exception {
    for (String value : sent.get("record")) {
      ReceivedSpan process = assertProcessedInProducersTrace("record", value, value);
      assertEquals(1, consumersUnder(producerOf(value), 1).size(), "one process span per record");
      assertEquals(Status.StatusCode.STATUS_CODE_UNSET, process.status());
    }
  }

  @Test
  void aRecordRedeliveredByTheErrorHandlerIsProcessedOncePerDeliveryInItsProducersTrace()
      throws Exception {
    for (String value : sent.get("record-retry")) {
      ReceivedSpan failed =
          assertProcessedInProducersTrace("record-retry", value, value + "-attempt-1");
      ReceivedSpan retried =
          assertProcessedInProducersTrace("record-retry", value, value + "-attempt-2");
      assertNotEquals(failed.spanId(), retried.spanId());
      assertEquals(Status.StatusCode.STATUS_CODE_ERROR, failed.status());
      assertEquals("java.lang.IllegalStateException", failed.attribute("error.type"));
      assertEquals(Status.StatusCode.STATUS_CODE_UNSET, retried.status());
      assertEquals(2, consumersUnder(producerOf(value), 2).size(), "one process span per delivery");
    }
  }

  @Test
  void aRetryableTopicsRetryStaysInTheRecordsTrace() throws Exception {
    for (String value : sent.get("retryable")) {
      ReceivedSpan failed =
          assertProcessedInProducersTrace("retryable", value, value + "-attempt-1");
      assertEquals(Status.StatusCode.STATUS_CODE_ERROR, failed.status());
      assertEquals(
          "java.lang.IllegalStateException",
          failed.attribute("error.type"),
          "not spring-kafka's wrapper");
      ReceivedSpan retryCall = kafka.callFor("retryable", value + "-attempt-2");
      ReceivedSpan retried = span(retryCall.parentSpanId());
      assertEquals("process " + topic("retryable") + "-retry", retried.name());
      ReceivedSpan retrySend = span(retried.parentSpanId());
      assertEquals(Span.SpanKind.SPAN_KIND_PRODUCER, retrySend.kind());
      assertEquals("send " + topic("retryable") + "-retry", retrySend.name());
      assertEquals(
          failed.spanId(),
          retrySend.parentSpanId(),
          "sent to the retry topic while the record failed");
      assertEquals(failed.traceId(), retried.traceId());
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"batch-for", "batch-foreach", "batch-index", "batch-stream", "batch-records"})
  void aBatchListenerIteratingItsBatchProcessesEachRecordInItsProducersTrace(String listener)
      throws Exception {
    List<String> values = sent.get(listener);
    ReceivedSpan batch = batchSpans(listener, 1).get(0);
    assertEquals(1, batchSpans(listener, 1).size(), "one span per invocation of the listener");
    assertEquals((long) values.size(), batch.attribute("messaging.batch.message_count"));
    assertEquals("process", batch.attribute("messaging.operation.type"));
    assertEquals(topic(listener), batch.attribute("messaging.destination.name"));
    assertEquals(topic(listener), batch.attribute("messaging.consumer.group.name"));
    assertEquals(
        "",
        batch.parentSpanId(),
        "a batch of several producers' records starts a trace of its own");

    Set<String> producers = new java.util.HashSet<>();
    for (String value : values) {
      ReceivedSpan producer = producerOf(value);
      producers.add(producer.spanId());
      ReceivedSpan process = assertProcessedInProducersTrace(listener, value, value);
      assertEquals(
          1, consumersUnder(producer, 1).size(), "one process span per record, none for the copy");
      assertEquals(Set.of(batch.spanId()), links(process), "the record's span links to its batch");
      assertTrue(
          process.span().getStartTimeUnixNano() >= batch.span().getStartTimeUnixNano()
              && process.span().getEndTimeUnixNano() <= batch.span().getEndTimeUnixNano(),
          "within the invocation");
    }
    assertEquals(producers, links(batch), "the batch links to every record's producer");

    ReceivedSpan after = kafka.callFor(listener + "-after", values.get(0));
    assertEquals(
        batch.spanId(), after.parentSpanId(), "after the loop, no record's context is current");
  }

  @Test
  void aBatchListenerThatThrowsIsRetriedEachInvocationItsOwnSpanAndEveryRecordInItsTrace()
      throws Exception {
    List<ReceivedSpan> invocations = batchSpans("batch-fail", 2);
    assertEquals(2, invocations.size());
    ReceivedSpan failed =
        invocations.stream()
            .filter(span -> span.status() == Status.StatusCode.STATUS_CODE_ERROR)
            .findFirst()
            .orElseThrow();
    ReceivedSpan retried =
        invocations.stream()
            .filter(span -> span.status() != Status.StatusCode.STATUS_CODE_ERROR)
            .findFirst()
            .orElseThrow();
    assertEquals(
        "java.lang.IllegalStateException",
        failed.attribute("error.type"),
        "the listener's exception");
    assertTrue(failed.span().getEndTimeUnixNano() <= retried.span().getStartTimeUnixNano());
    for (String value : sent.get("batch-fail")) {
      ReceivedSpan first =
          assertProcessedInProducersTrace("batch-fail", value, value + "-attempt-1");
      ReceivedSpan second =
          assertProcessedInProducersTrace("batch-fail", value, value + "-attempt-2");
      assertEquals(Set.of(failed.spanId()), links(first));
      assertEquals(Set.of(retried.spanId()), links(second));
      assertEquals(
          2, consumersUnder(producerOf(value), 2).size(), "one process span per invocation");
    }
  }

  @Test
  void aBatchListenerThatDoesNotIterateGetsTheBatchSpanAlone() throws Exception {
    List<String> values = sent.get("batch-whole");
    ReceivedSpan batch = batchSpans("batch-whole", 1).get(0);
    ReceivedSpan call = kafka.callFor("batch-whole", values.size() + "-records");
    assertEquals(
        batch.spanId(), call.parentSpanId(), "the listener's work is under the batch span");
    Set<String> producers = new java.util.HashSet<>();
    for (String value : values) {
      ReceivedSpan producer = producerOf(value);
      producers.add(producer.spanId());
      // the batch span ended after any span made for its records, so they would have been exported
      // with it
      assertEquals(
          List.of(),
          receiver.matching(
              span ->
                  span.kind() == Span.SpanKind.SPAN_KIND_CONSUMER
                      && span.parentSpanId().equals(producer.spanId())),
          "no process span for a record not iterated");
    }
    assertEquals(producers, links(batch));
  }
}
