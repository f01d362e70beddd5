package dev.weft.instrumentation.logbackmdc;

import dev.weft.instrumentation.api.TraceContextKeys;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import java.io.Serializable;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * A logging event's MDC with the span's ids added: a read-only view over the MDC map Logback took (itself a
 * read-only snapshot), so adding the ids copies nothing. Serialized (by Logback's socket appenders) as a plain
 * {@link HashMap}, which the receiving side can read without Weft.
 */
final class TraceContextMap extends AbstractMap<String, String> implements Serializable {

  private static final long serialVersionUID = 1L;
  private static final int OWN_ENTRIES = 3;

  private final Map<String, String> mdc;
  private final String traceId;
  private final String spanId;
  private final String traceFlags;

  private TraceContextMap(Map<String, String> mdc, SpanContext span) {
    this.mdc = mdc;
    this.traceId = span.getTraceId();
    this.spanId = span.getSpanId();
    this.traceFlags = span.getTraceFlags().asHex();
  }

  /**
   * The event's MDC with the current span's ids, or {@code mdc} itself when no span is current, when it has them
   * already, or when the application put a {@code trace_id} of its own there.
   */
  static Map<String, String> withCurrentSpan(Map<String, String> mdc) {
    if (mdc instanceof TraceContextMap) {
      return mdc;
    }
    SpanContext span = Span.current().getSpanContext();
    if (!span.isValid() || (mdc != null && mdc.containsKey(TraceContextKeys.TRACE_ID))) {
      return mdc;
    }
    return new TraceContextMap(mdc == null ? Collections.emptyMap() : mdc, span);
  }

  private String own(Object key) {
    if (TraceContextKeys.TRACE_ID.equals(key)) {
      return traceId;
    } else if (TraceContextKeys.SPAN_ID.equals(key)) {
      return spanId;
    } else if (TraceContextKeys.TRACE_FLAGS.equals(key)) {
      return traceFlags;
    }
    return null;
  }

  @Override
  public String get(Object key) {
    String own = own(key);
    return own != null ? own : mdc.get(key);
  }

  @Override
  public boolean containsKey(Object key) {
    return own(key) != null || mdc.containsKey(key);
  }

  @Override
  public int size() {
    return mdc.size() + OWN_ENTRIES;
  }

  @Override
  public boolean isEmpty() {
    return false;
  }

  @Override
  public Set<Entry<String, String>> entrySet() {
    return new AbstractSet<>() {
      @Override
      public Iterator<Entry<String, String>> iterator() {
        return new Entries();
      }

      @Override
      public int size() {
        return TraceContextMap.this.size();
      }
    };
  }

  /** The span's ids, then the MDC's entries. */
  private final class Entries implements Iterator<Entry<String, String>> {
    private int ownReturned;
    private Iterator<Entry<String, String>> mdcEntries;

    @Override
    public boolean hasNext() {
      return ownReturned < OWN_ENTRIES || mdcEntries().hasNext();
    }

    @Override
    public Entry<String, String> next() {
      switch (ownReturned) {
        case 0:
          ownReturned++;
          return new SimpleImmutableEntry<>(TraceContextKeys.TRACE_ID, traceId);
        case 1:
          ownReturned++;
          return new SimpleImmutableEntry<>(TraceContextKeys.SPAN_ID, spanId);
        case 2:
          ownReturned++;
          return new SimpleImmutableEntry<>(TraceContextKeys.TRACE_FLAGS, traceFlags);
        default:
          if (!mdcEntries().hasNext()) {
            throw new NoSuchElementException();
          }
          return mdcEntries().next();
      }
    }

    private Iterator<Entry<String, String>> mdcEntries() {
      if (mdcEntries == null) {
        mdcEntries = mdc.entrySet().iterator();
      }
      return mdcEntries;
    }
  }

  private Object writeReplace() {
    return new HashMap<>(this);
  }
}
