package dev.weft.benchmarks.jmh;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import javax.servlet.ServletException;
import javax.servlet.ServletRequest;
import javax.servlet.ServletResponse;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * The price of the advice on an instrumented method that has nothing to trace: an empty
 * {@code javax.servlet.Filter.doFilter}, called {@value #NESTED_CALLS} times inside one request (a servlet whose
 * {@code service} an agent traces), as every filter but the outermost is in a real container. Nested in a traced
 * request, Weft's entry advice finds the request's span current and returns, and its exit advice has nothing to end
 * (the OpenTelemetry agent's advice also reads and writes request attributes). The score is per nested call; the
 * request's own span, once per {@value #NESTED_CALLS} calls, adds well under 0.1 ns to it. The harness runs this
 * without an agent (the empty calls compile to nothing) and with each agent attached to the forks.
 *
 * <p>The request is an {@code HttpServletRequest}, as in a container: with any other request both agents' advice
 * fails an interface type check, which alone costs about 14 ns on Java 17 and says nothing about dispatch.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class AdviceDispatchBenchmark {

  static final int NESTED_CALLS = 100_000;

  private final NestingServlet servlet = new NestingServlet(new EmptyFilter(), NESTED_CALLS);
  private final ServletRequest request = StandIns.request();
  private final ServletResponse response = StandIns.response();

  @Benchmark
  @OperationsPerInvocation(NESTED_CALLS)
  public void emptyFilterInTracedRequest() throws IOException, ServletException {
    servlet.service(request, response);
  }
}
