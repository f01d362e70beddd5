package dev.weft.benchmarks.jmh;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.servlet.GenericServlet;
import javax.servlet.ServletRequest;
import javax.servlet.ServletResponse;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The price of carrying the context into executor tasks: inside one request that the agent traces (a servlet's
 * {@code service}, so the request's span is current), {@value #TASKS} trivial tasks are handed to a one-thread
 * {@code ThreadPoolExecutor} and awaited, with {@code submit} (a {@code FutureTask}, whose callable carries the
 * context) and with {@code execute} (a lambda, wrapped). The score is per task, hand-over and run on the pool
 * thread included. Run it with the agent and {@code -Dotel.instrumentation.executors.enabled=false} for the same
 * work without propagation, and without an agent for the executor alone:
 *
 * <pre>
 * java -jar benchmarks/jmh/target/weft-jmh.jar ExecutorHandOver -f 1 -wi 3 -i 5 \
 *     -jvmArgsAppend "-javaagent:agent/target/weft-agent.jar -Dotel.traces.exporter=none"
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ExecutorHandOverBenchmark {

  static final int TASKS = 1_000;

  private final ExecutorService pool = Executors.newSingleThreadExecutor();
  private final AtomicLong ran = new AtomicLong();
  private final ServletRequest request = StandIns.request();
  private final ServletResponse response = StandIns.response();
  private final Runnable task = ran::incrementAndGet;

  private final GenericServlet submitting = new SubmittingServlet(pool, task);
  private final GenericServlet executing = new ExecutingServlet(pool, ran);

  @Benchmark
  @OperationsPerInvocation(TASKS)
  public void submitInTracedRequest() throws Exception {
    submitting.service(request, response);
  }

  @Benchmark
  @OperationsPerInvocation(TASKS)
  public void executeInTracedRequest() throws Exception {
    executing.service(request, response);
  }

  @TearDown(Level.Trial)
  public void stopPool() {
    pool.shutdownNow();
  }

  /** Submits the task {@value #TASKS} times, then waits for each. (Named {@code *Servlet}, as the agent requires.) */
  static final class SubmittingServlet extends GenericServlet {
    private final transient ExecutorService pool;
    private final transient Runnable task;

    SubmittingServlet(ExecutorService pool, Runnable task) {
      this.pool = pool;
      this.task = task;
    }

    @Override
    public void service(ServletRequest request, ServletResponse response) {
      Future<?>[] futures = new Future<?>[TASKS];
      for (int i = 0; i < TASKS; i++) {
        futures[i] = pool.submit(task);
      }
      try {
        for (Future<?> future : futures) {
          future.get();
        }
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }
  }

  /** Executes {@value #TASKS} lambdas, then waits until all have run. */
  static final class ExecutingServlet extends GenericServlet {
    private final transient ExecutorService pool;
    private final transient AtomicLong ran;

    ExecutingServlet(ExecutorService pool, AtomicLong ran) {
      this.pool = pool;
      this.ran = ran;
    }

    @Override
    public void service(ServletRequest request, ServletResponse response) {
      CountDownLatch done = new CountDownLatch(TASKS);
      for (int i = 0; i < TASKS; i++) {
        pool.execute(
            () -> {
              ran.incrementAndGet();
              done.countDown();
            });
      }
      try {
        done.await();
      } catch (InterruptedException e) {
        throw new IllegalStateException(e);
      }
    }
  }
}
