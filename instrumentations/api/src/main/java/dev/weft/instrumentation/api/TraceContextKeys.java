package dev.weft.instrumentation.api;

/**
 * The keys under which log correlation modules put the current span's ids into a log event's MDC or context data:
 * the OpenTelemetry agent's, so that log patterns such as {@code %X{trace_id}} written for it keep working.
 */
public final class TraceContextKeys {

  public static final String TRACE_ID = "trace_id";
  public static final String SPAN_ID = "span_id";
  public static final String TRACE_FLAGS = "trace_flags";

  private TraceContextKeys() {}
}
