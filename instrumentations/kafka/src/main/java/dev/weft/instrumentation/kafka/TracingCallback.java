package dev.weft.instrumentation.kafka;

import static dev.weft.instrumentation.kafka.MessagingAttributes.BODY_SIZE;
import static dev.weft.instrumentation.kafka.MessagingAttributes.OFFSET;
import static dev.weft.instrumentation.kafka.MessagingAttributes.PARTITION_ID;

import dev.weft.instrumentation.api.SpanErrors;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * Takes the place of the application's send callback: ends the PRODUCER span when the broker acknowledges the
 * record or the send fails, then runs the application's callback with the caller's context current.
 */
final class TracingCallback implements Callback {

  private final Span span;
  private final Context caller;
  private final Callback applicationCallback;
  private final AtomicBoolean ended = new AtomicBoolean();

  TracingCallback(Span span, Context caller, Callback applicationCallback) {
    this.span = span;
    this.caller = caller;
    this.applicationCallback = applicationCallback;
  }

  @Override
  public void onCompletion(RecordMetadata metadata, Exception exception) {
    try {
      end(metadata, exception);
    } catch (Throwable tracingFailed) {
      // the application's callback runs whatever happens to the span
    }
    if (applicationCallback != null) {
      try (Scope ignored = caller.makeCurrent()) {
        applicationCallback.onCompletion(metadata, exception);
      }
    }
  }

  /** {@code send} threw instead of calling back. */
  void failed(Throwable thrown) {
    end(null, thrown);
  }

  private void end(RecordMetadata metadata, Throwable failure) {
    if (!ended.compareAndSet(false, true)) {
      return;
    }
    if (metadata != null && metadata.partition() >= 0) {
      span.setAttribute(PARTITION_ID, PartitionIds.of(metadata.partition()));
      if (metadata.hasOffset()) {
        span.setAttribute(OFFSET, metadata.offset());
      }
      if (metadata.serializedValueSize() >= 0) {
        span.setAttribute(BODY_SIZE, (long) metadata.serializedValueSize());
      }
    }
    if (failure != null) {
      SpanErrors.recordException(span, failure);
    }
    span.end();
  }
}
