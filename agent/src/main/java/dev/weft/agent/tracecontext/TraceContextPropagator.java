package dev.weft.agent.tracecontext;

import dev.weft.instrumentation.api.ByteValuesGetter;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.opentelemetry.context.propagation.TextMapSetter;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;

/**
 * {@code tracecontext}: W3C Trace Context Level 2. The {@code traceparent} is read by {@link TraceParentHeader} (by
 * the SDK's rules, see the package description), the {@code tracestate} by {@link TraceStateHeader}; both are
 * written here.
 */
public final class TraceContextPropagator implements TextMapPropagator {

  public static final TraceContextPropagator INSTANCE = new TraceContextPropagator();

  static final String TRACE_PARENT = "traceparent";
  static final String TRACE_STATE = "tracestate";

  private static final List<String> FIELDS = List.of(TRACE_PARENT, TRACE_STATE);

  private TraceContextPropagator() {}

  @Override
  public Collection<String> fields() {
    return FIELDS;
  }

  @Override
  public <C> void inject(Context context, C carrier, TextMapSetter<C> setter) {
    if (context == null || setter == null) {
      return;
    }
    SpanContext span = Span.fromContext(context).getSpanContext();
    if (!span.isValid()) {
      return;
    }
    // version 00 whatever version came in: downgrading is the one mutation allowed to a higher
    // version
    setter.set(
        carrier,
        TRACE_PARENT,
        "00-" + span.getTraceId() + "-" + span.getSpanId() + "-" + span.getTraceFlags().asHex());
    String traceState = TraceStateHeader.format(span.getTraceState());
    if (traceState != null) {
      setter.set(carrier, TRACE_STATE, traceState);
    }
  }

  @Override
  public <C> Context extract(Context context, C carrier, TextMapGetter<C> getter) {
    if (context == null) {
      context = Context.root();
    }
    if (getter == null) {
      return context;
    }
    CharSequence traceParent = traceParent(carrier, getter);
    if (!TraceParentHeader.isValid(traceParent)) { // a tracestate alone is discarded
      return context;
    }
    TraceState traceState = traceState(joined(getter.getAll(carrier, TRACE_STATE)));
    return context.with(Span.wrap(TraceParentHeader.parent(traceParent, traceState)));
  }

  /** The {@code traceparent} as the carrier holds it: its bytes are read as they are, not decoded to a string. */
  private static <C> CharSequence traceParent(C carrier, TextMapGetter<C> getter) {
    if (getter instanceof ByteValuesGetter) {
      byte[] value = ((ByteValuesGetter<C>) getter).getBytes(carrier, TRACE_PARENT);
      return value == null ? null : new AsciiBytes(value);
    }
    return getter.get(carrier, TRACE_PARENT);
  }

  /** The state of a valid parent: the header's members, or none when it is absent, empty or invalid. */
  private static TraceState traceState(String header) {
    if (header == null) {
      return TraceState.getDefault();
    }
    Level2TraceState traceState = TraceStateHeader.parse(header);
    return traceState == null || traceState.isEmpty() ? TraceState.getDefault() : traceState;
  }

  /** A header sent several times is one list: its values joined with commas, as HTTP does. */
  private static String joined(Iterator<String> values) {
    if (values == null || !values.hasNext()) {
      return null;
    }
    String first = values.next();
    if (!values.hasNext()) {
      return first;
    }
    StringBuilder joined = new StringBuilder(first);
    while (values.hasNext()) {
      joined.append(',').append(values.next());
    }
    return joined.toString();
  }

  @Override
  public String toString() {
    return "TraceContextPropagator{W3C Trace Context Level 2}";
  }
}
