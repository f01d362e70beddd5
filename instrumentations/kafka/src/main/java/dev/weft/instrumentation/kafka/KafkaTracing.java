package dev.weft.instrumentation.kafka;

import dev.weft.bootstrap.Settings;
import io.opentelemetry.api.GlobalOpenTelemetry;
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

  static void inject(Context context, Headers headers) {
    PROPAGATOR.inject(context, headers, RecordHeaders.INSTANCE);
  }
}
