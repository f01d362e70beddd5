package dev.weft.instrumentation.api;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.semconv.ErrorAttributes;

/** Marks a span as failed the way the semantic conventions ask, so that errors show the same in every module. */
public final class SpanErrors {

  private SpanErrors() {}

  /** Error status, {@code error.type} set to the exception's class and the exception recorded as an event. */
  public static void recordException(Span span, Throwable thrown) {
    span.setStatus(StatusCode.ERROR);
    span.setAttribute(ErrorAttributes.ERROR_TYPE, thrown.getClass().getName());
    span.recordException(thrown);
  }

  /** Error status with {@code error.type} set to a low-cardinality reason such as a status code or {@code timeout}. */
  public static void recordError(Span span, String errorType) {
    span.setStatus(StatusCode.ERROR);
    span.setAttribute(ErrorAttributes.ERROR_TYPE, errorType);
  }
}
