package dev.weft.instrumentation.kafka;

import static dev.weft.instrumentation.kafka.MessagingAttributes.CLIENT_ID;
import static dev.weft.instrumentation.kafka.MessagingAttributes.DESTINATION_NAME;
import static dev.weft.instrumentation.kafka.MessagingAttributes.KAFKA;
import static dev.weft.instrumentation.kafka.MessagingAttributes.MESSAGE_KEY;
import static dev.weft.instrumentation.kafka.MessagingAttributes.OPERATION_NAME;
import static dev.weft.instrumentation.kafka.MessagingAttributes.OPERATION_TYPE;
import static dev.weft.instrumentation.kafka.MessagingAttributes.SYSTEM;
import static dev.weft.instrumentation.kafka.MessagingAttributes.TOMBSTONE;

import dev.weft.bootstrap.Settings;
import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapPropagator;
import org.apache.kafka.common.header.Headers;

/** The tracer, the propagators and the settings every Kafka span uses. */
final class KafkaTracing {

  static final Tracer TRACER = GlobalOpenTelemetry.getTracer("dev.weft.kafka");

  /** Whether the producer writes its context into record headers. */
  static final boolean PRODUCER_PROPAGATION =
      Settings.getBoolean("otel.instrumentation.kafka.producer-propagation.enabled", true);

  /** Whether each non-empty poll gets a span linked to every record's producer. */
  static final boolean POLL_SPANS = Settings.getBoolean("otel.instrumentation.kafka.poll-spans.enabled", false);

  private static final TextMapPropagator PROPAGATOR = GlobalOpenTelemetry.getPropagators().getTextMapPropagator();

  private KafkaTracing() {}

  /** The producer's context carried by a record, on an empty context (so a record without one starts a trace). */
  static Context producerContext(Headers headers) {
    return PROPAGATOR.extract(Context.root(), headers, RecordHeaders.INSTANCE);
  }

  /** The producer's span context a record carries; invalid when it carries none. */
  static SpanContext producerSpanContext(Headers headers) {
    return Span.fromContext(producerContext(headers)).getSpanContext();
  }

  static void inject(Context context, Headers headers) {
    PROPAGATOR.inject(context, headers, RecordHeaders.INSTANCE);
  }

  /**
   * A span for one record, {@code {operation} {topic}}, with the attributes the producer and the consumer share
   * (the operation's type and name are the same word for both).
   */
  static SpanBuilder recordSpan(String operation, SpanKind kind, Context parent, String topic, Object key,
      Object value, ClientIdentity client) {
    SpanBuilder builder = TRACER.spanBuilder(operation + " " + topic)
        .setSpanKind(kind)
        .setParent(parent)
        .setAttribute(SYSTEM, KAFKA)
        .setAttribute(DESTINATION_NAME, topic)
        .setAttribute(OPERATION_TYPE, operation)
        .setAttribute(OPERATION_NAME, operation);
    if (key instanceof String) {
      builder.setAttribute(MESSAGE_KEY, (String) key);
    }
    if (value == null) {
      builder.setAttribute(TOMBSTONE, true);
    }
    if (client.clientId != null) {
      builder.setAttribute(CLIENT_ID, client.clientId);
    }
    return builder;
  }
}
