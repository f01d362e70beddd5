package dev.weft.instrumentation.log4jcontextdata;

import dev.weft.instrumentation.api.TraceContextKeys;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import java.util.List;
import org.apache.logging.log4j.core.ContextDataInjector;
import org.apache.logging.log4j.core.config.Property;
import org.apache.logging.log4j.util.ReadOnlyStringMap;
import org.apache.logging.log4j.util.SortedArrayStringMap;
import org.apache.logging.log4j.util.StringMap;

/**
 * Log4j's own injector, then the current span's ids. Runs on the logging thread when the event is created (async
 * loggers and appenders included), so the ids are those of the span current where the application logged.
 */
final class TraceContextInjector implements ContextDataInjector {

  private final ContextDataInjector delegate;

  private TraceContextInjector(ContextDataInjector delegate) {
    this.delegate = delegate;
  }

  static ContextDataInjector around(ContextDataInjector injector) {
    return injector == null || injector instanceof TraceContextInjector
        ? injector
        : new TraceContextInjector(injector);
  }

  @Override
  public StringMap injectContextData(List<Property> properties, StringMap reusable) {
    StringMap contextData = delegate.injectContextData(properties, reusable);
    SpanContext span = Span.current().getSpanContext();
    if (!span.isValid()
        || contextData == null
        || contextData.containsKey(TraceContextKeys.TRACE_ID)) {
      return contextData;
    }
    // the map given belongs to the event and may be written; any other (the thread context's own,
    // frozen) is copied
    StringMap withIds =
        contextData == reusable && !reusable.isFrozen()
            ? reusable
            : new SortedArrayStringMap(contextData);
    withIds.putValue(TraceContextKeys.TRACE_ID, span.getTraceId());
    withIds.putValue(TraceContextKeys.SPAN_ID, span.getSpanId());
    withIds.putValue(TraceContextKeys.TRACE_FLAGS, span.getTraceFlags().asHex());
    return withIds;
  }

  @Override
  public ReadOnlyStringMap rawContextData() {
    return delegate.rawContextData();
  }
}
