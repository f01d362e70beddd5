package dev.weft.benchmarks.jmh;

import java.io.IOException;
import java.lang.reflect.Proxy;
import java.util.concurrent.TimeUnit;
import javax.servlet.Filter;
import javax.servlet.ServletException;
import javax.servlet.ServletRequest;
import javax.servlet.ServletResponse;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * The price of the advice alone: an empty {@link Filter#doFilter}, which an agent's servlet instrumentation
 * weaves, called with a request that is not an {@code HttpServletRequest}. The entry advice is dispatched, finds
 * nothing to trace and returns; the exit advice is dispatched and returns. The harness runs this benchmark without
 * an agent (the empty call inlines to nothing) and with each agent given by {@code -jvmArgsAppend}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class AdviceDispatchBenchmark {

  private final Filter filter = new EmptyFilter();
  private final ServletRequest request = nothing(ServletRequest.class);
  private final ServletResponse response = nothing(ServletResponse.class);

  @Benchmark
  public void emptyFilter() throws IOException, ServletException {
    filter.doFilter(request, response, null);
  }

  /** A stand-in whose methods are never called: the advice only tests its type. */
  private static <T> T nothing(Class<T> type) {
    return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
      throw new UnsupportedOperationException(method.getName());
    }));
  }
}
