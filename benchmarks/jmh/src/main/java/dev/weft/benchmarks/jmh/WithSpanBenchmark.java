package dev.weft.benchmarks.jmh;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * A call of a {@code @WithSpan} method (one INTERNAL span started, made current, ended), with and without
 * {@code @SpanAttribute} parameters, beside a plain call. Meaningful with an agent attached to the forks
 * ({@code -jvmArgsAppend "-javaagent:agent/target/weft-agent.jar -Dotel.traces.exporter=none"}); without one
 * all three are plain calls.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class WithSpanBenchmark {

  private final AnnotatedCalls calls = new AnnotatedCalls();
  private long value = 42;

  @Benchmark
  public long plainCall() {
    return calls.plain(value);
  }

  @Benchmark
  public long withSpanCall() {
    return calls.traced(value);
  }

  @Benchmark
  public long withSpanAndTwoAttributesCall() {
    return calls.tracedWithAttributes(value, "ada");
  }
}
