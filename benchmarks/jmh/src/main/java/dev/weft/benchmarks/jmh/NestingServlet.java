package dev.weft.benchmarks.jmh;

import java.io.IOException;
import javax.servlet.Filter;
import javax.servlet.GenericServlet;
import javax.servlet.ServletException;
import javax.servlet.ServletRequest;
import javax.servlet.ServletResponse;

/** A servlet (so an agent traces its requests) that calls one filter a given number of times per request. */
final class NestingServlet extends GenericServlet {

  private final transient Filter filter;
  private final int calls;

  NestingServlet(Filter filter, int calls) {
    this.filter = filter;
    this.calls = calls;
  }

  @Override
  public void service(ServletRequest request, ServletResponse response)
      throws IOException, ServletException {
    for (int i = 0; i < calls; i++) {
      filter.doFilter(request, response, null);
    }
  }
}
