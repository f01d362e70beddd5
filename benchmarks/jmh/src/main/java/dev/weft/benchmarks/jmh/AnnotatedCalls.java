package dev.weft.benchmarks.jmh;

import ch.qos.logback.classic.Logger;
import io.opentelemetry.instrumentation.annotations.SpanAttribute;
import io.opentelemetry.instrumentation.annotations.WithSpan;

/** Methods an agent traces by their {@code @WithSpan}, beside the same methods without it. */
public class AnnotatedCalls {

  @WithSpan
  public long traced(long value) {
    return value + 1;
  }

  @WithSpan
  public long tracedWithAttributes(
      @SpanAttribute("order.id") long orderId, @SpanAttribute("customer") String customer) {
    return orderId + customer.length();
  }

  public long plain(long value) {
    return value + 1;
  }

  /** Logs {@code events} times inside one span (with an agent), whose own cost is spread over all of them. */
  @WithSpan
  public void logInSpan(Logger logger, int events) {
    logOutsideSpan(logger, events);
  }

  public void logOutsideSpan(Logger logger, int events) {
    for (int i = 0; i < events; i++) {
      logger.info("event {}", i);
    }
  }
}
