package dev.weft.benchmarks.jmh;

import javax.servlet.Filter;
import javax.servlet.FilterChain;
import javax.servlet.ServletRequest;
import javax.servlet.ServletResponse;

/** Does nothing: whatever a call costs beyond a plain call is the instrumentation's. */
final class EmptyFilter implements Filter {

  @Override
  public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) {}
}
