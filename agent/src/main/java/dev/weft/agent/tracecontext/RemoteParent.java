package dev.weft.agent.tracecontext;

import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import java.util.Objects;

/**
 * The span context of a {@code traceparent} that {@link TraceParentHeader} has checked: the SDK's
 * {@code SpanContext.createFromRemoteParent} would check both ids again, character by character, for every
 * extracted header (every traced request, every consumed record).
 */
final class RemoteParent implements SpanContext {

  private final String traceId;
  private final String spanId;
  private final TraceFlags traceFlags;
  private final TraceState traceState;

  /** {@code traceId} and {@code spanId} are valid: lowercase hex of the right length, not all zeros. */
  RemoteParent(String traceId, String spanId, TraceFlags traceFlags, TraceState traceState) {
    this.traceId = traceId;
    this.spanId = spanId;
    this.traceFlags = traceFlags;
    this.traceState = traceState;
  }

  @Override
  public String getTraceId() {
    return traceId;
  }

  @Override
  public String getSpanId() {
    return spanId;
  }

  @Override
  public TraceFlags getTraceFlags() {
    return traceFlags;
  }

  @Override
  public TraceState getTraceState() {
    return traceState;
  }

  @Override
  public boolean isValid() {
    return true;
  }

  @Override
  public boolean isRemote() {
    return true;
  }

  /**
   * Equal to another parent read with the same fields, as the SDK's span contexts are equal only among themselves:
   * an extracted parent is not equal to {@code SpanContext.createFromRemoteParent} of the same fields (compare the
   * getters for that).
   */
  @Override
  public boolean equals(Object other) {
    if (!(other instanceof RemoteParent)) {
      return false;
    }
    RemoteParent that = (RemoteParent) other;
    return traceId.equals(that.traceId)
        && spanId.equals(that.spanId)
        && traceFlags.equals(that.traceFlags)
        && traceState.equals(that.traceState);
  }

  @Override
  public int hashCode() {
    return Objects.hash(traceId, spanId, traceFlags, traceState);
  }

  @Override
  public String toString() {
    return "RemoteParent{traceId="
        + traceId
        + ", spanId="
        + spanId
        + ", traceFlags="
        + traceFlags
        + ", traceState="
        + traceState
        + "}";
  }
}
