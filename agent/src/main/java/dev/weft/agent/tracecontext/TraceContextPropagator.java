package dev.weft.agent.tracecontext;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.opentelemetry.context.propagation.TextMapSetter;
import java.util.Collection;
import java.util.Iterator;

/**
 * {@code tracecontext}: W3C Trace Context Level 2. The {@code traceparent} is read by the SDK's propagator (see the
 * package description), the {@code tracestate} by {@link TraceStateHeader}; both are written here.
 */
public final class TraceContextPropagator implements TextMapPropagator {

  public static final TraceContextPropagator INSTANCE = new TraceContextPropagator();

  static final String TRACE_PARENT = "traceparent";
  static final String TRACE_STATE = "tracestate";

  private static final TextMapPropagator TRACE_PARENT_READER =
      W3CTraceContextPropagator.getInstance();

  private TraceContextPropagator() {}

  @Override
  public Collection<String> fields() {
    return TRACE_PARENT_READER.fields();
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
    Context withParent =
        TRACE_PARENT_READER.extract(context, carrier, new WithoutTraceState<>(getter));
    if (withParent == context) { // no valid traceparent: a tracestate alone is discarded
      return context;
    }
    String header = joined(getter.getAll(carrier, TRACE_STATE));
    if (header == null) {
      return withParent;
    }
    Level2TraceState traceState = TraceStateHeader.parse(header);
    if (traceState == null || traceState.isEmpty()) {
      return withParent;
    }
    SpanContext parent = Span.fromContext(withParent).getSpanContext();
    return context.with(
        Span.wrap(
            SpanContext.createFromRemoteParent(
                parent.getTraceId(), parent.getSpanId(), parent.getTraceFlags(), traceState)));
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

  /** The carrier as the SDK's propagator sees it: without the {@code tracestate} it would parse in vain. */
  private static final class WithoutTraceState<C> implements TextMapGetter<C> {

    private final TextMapGetter<C> getter;

    WithoutTraceState(TextMapGetter<C> getter) {
      this.getter = getter;
    }

    @Override
    public Iterable<String> keys(C carrier) {
      return getter.keys(carrier);
    }

    @Override
    public String get(C carrier, String key) {
      return TRACE_STATE.equals(key) ? null : getter.get(carrier, key);
    }

    @Override
    public Iterator<String> getAll(C carrier, String key) {
      return getter.getAll(carrier, key);
    }
  }
}
