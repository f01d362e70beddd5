package dev.weft.instrumentation.servlet.common;

import io.opentelemetry.context.propagation.TextMapGetter;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Iterator;

/**
 * Reads propagation headers from a servlet request. A header sent several times is seen whole: {@link #get}
 * joins the values with commas, as HTTP allows for list-valued headers ({@code tracestate}, {@code baggage}); for
 * {@code traceparent} the joined value is invalid, which is what the W3C spec asks for a repeated traceparent.
 */
final class RequestHeaders<REQ> implements TextMapGetter<REQ> {

  private final ServletAccess<REQ, ?> access;

  RequestHeaders(ServletAccess<REQ, ?> access) {
    this.access = access;
  }

  @Override
  public Iterable<String> keys(REQ request) {
    Enumeration<String> names = access.headerNames(request);
    return names == null ? Collections.emptyList() : Collections.list(names);
  }

  @Override
  public String get(REQ request, String key) {
    if (request == null) {
      return null;
    }
    Enumeration<String> values = access.headers(request, key);
    if (values == null || !values.hasMoreElements()) {
      return null;
    }
    String first = values.nextElement();
    if (!values.hasMoreElements()) {
      return first;
    }
    StringBuilder joined = new StringBuilder(first);
    while (values.hasMoreElements()) {
      joined.append(',').append(values.nextElement());
    }
    return joined.toString();
  }

  @Override
  public Iterator<String> getAll(REQ request, String key) {
    Enumeration<String> values = request == null ? null : access.headers(request, key);
    return values == null ? Collections.emptyIterator() : values.asIterator();
  }
}
