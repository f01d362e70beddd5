package dev.weft.smoke.apps;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RecursiveTask;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.TimeUnit;

/**
 * Embedded Tomcat (context path {@code /shop}) whose requests hand work to executors, CompletableFuture stages and
 * new threads; each task calls {@code /shop/hello} on this same server with HttpURLConnection, with
 * {@code ?from=<case>-<request>-<n>} so that the test can tell the calls apart.
 *
 * <ul>
 *   <li>{@code /executors/<case>?request=R}, cases: {@code execute}, {@code submit}, {@code invokeAll} (two calls),
 *       {@code invokeAny}, {@code schedule}, {@code fork-join-submit}, {@code fork-join-invoke} (a task that forks
 *       a subtask: two calls), {@code fork-join-execute}, {@code completable-default} and
 *       {@code completable-executor} ({@code supplyAsync(...).thenApplyAsync(...)}: two calls),
 *       {@code completable-declared} (an async stage declared on a future completed later by an untraced thread),
 *       {@code thread}, {@code virtual-thread} and {@code virtual-executor} (Java 21+), {@code pool-reuse} (a call on
 *       a one-thread pool, then the same pool thread makes a call for a task handed over from an untraced thread),
 *       {@code periodic} (a fixed-rate schedule started in the request, making a call at each of two runs)</li>
 *   <li>{@code /executors/java-version}: the feature version of the JVM</li>
 * </ul>
 */
public final class ExecutorsApp {

  private static final ExecutorService POOL = Executors.newFixedThreadPool(2);
  private static final ExecutorService ONE_THREAD = Executors.newSingleThreadExecutor();
  private static final ScheduledExecutorService SCHEDULER = Executors.newScheduledThreadPool(1);
  private static final ForkJoinPool FORK_JOIN = new ForkJoinPool(2);

  /** Work handed, through a queue (which carries no context), to a thread started untraced at start-up. */
  private static final LinkedBlockingQueue<Runnable> UNTRACED_WORK = new LinkedBlockingQueue<>();

  private ExecutorsApp() {}

  public static void main(String[] args) throws Exception {
    Thread untraced =
        new Thread(
            () -> {
              while (true) {
                try {
                  UNTRACED_WORK.take().run();
                } catch (InterruptedException e) {
                  return;
                }
              }
            },
            "untraced-submitter");
    untraced.setDaemon(true);
    untraced.start();

    EmbeddedTomcat tomcat = new EmbeddedTomcat("/shop");
    tomcat.add("/hello", new TomcatApp.Text("hello"));
    tomcat.add("/executors/*", new HandOver());
    tomcat.serve();
  }

  private static final class HandOver extends HttpServlet {
    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response)
        throws IOException {
      String which = request.getPathInfo().substring(1);
      if (which.equals("java-version")) {
        response.getWriter().write(Integer.toString(Runtime.version().feature()));
        return;
      }
      String from = which + "-" + request.getParameter("request");
      Calls calls = new Calls(request.getLocalPort(), from);
      try {
        response.getWriter().write(run(which, calls));
      } catch (Exception e) {
        response.setStatus(500);
        e.printStackTrace();
        response.getWriter().write(e.toString());
      }
    }

    private static String run(String which, Calls calls) throws Exception {
      switch (which) {
        case "execute":
          {
            CountDownLatch done = new CountDownLatch(1);
            POOL.execute(
                () -> {
                  calls.call(1);
                  done.countDown();
                });
            return done.await(10, TimeUnit.SECONDS) ? "done" : "timed out";
          }
        case "submit":
          return POOL.submit(() -> calls.call(1)).get();
        case "invokeAll":
          {
            List<Callable<String>> tasks = List.of(() -> calls.call(1), () -> calls.call(2));
            StringBuilder answers = new StringBuilder();
            for (Future<String> answer : POOL.invokeAll(tasks)) {
              answers.append(answer.get());
            }
            return answers.toString();
          }
        case "invokeAny":
          return POOL.invokeAny(List.of(() -> calls.call(1)));
        case "schedule":
          return SCHEDULER.schedule(() -> calls.call(1), 10, TimeUnit.MILLISECONDS).get();
        case "fork-join-submit":
          return FORK_JOIN.submit(() -> calls.call(1)).get();
        case "fork-join-execute":
          {
            CountDownLatch done = new CountDownLatch(1);
            FORK_JOIN.execute(
                () -> {
                  calls.call(1);
                  done.countDown();
                });
            return done.await(10, TimeUnit.SECONDS) ? "done" : "timed out";
          }
        case "fork-join-invoke":
          return FORK_JOIN.invoke(new Split(calls, 0));
        case "completable-default":
          return CompletableFuture.supplyAsync(() -> calls.call(1))
              .thenApplyAsync(first -> first + calls.call(2))
              .get(10, TimeUnit.SECONDS);
        case "completable-executor":
          return CompletableFuture.supplyAsync(() -> calls.call(1), POOL)
              .thenApplyAsync(first -> first + calls.call(2), POOL)
              .get(10, TimeUnit.SECONDS);
        case "completable-declared":
          {
            CompletableFuture<String> source = new CompletableFuture<>();
            CompletableFuture<String> stage = source.thenApplyAsync(ignored -> calls.call(1), POOL);
            UNTRACED_WORK.add(() -> source.complete("go"));
            return stage.get(10, TimeUnit.SECONDS);
          }
        case "thread":
          {
            String[] answer = new String[1];
            Thread thread = new Thread(() -> answer[0] = calls.call(1));
            thread.start();
            thread.join(10_000);
            return answer[0];
          }
        case "virtual-thread":
          {
            String[] answer = new String[1];
            Object builder = Thread.class.getMethod("ofVirtual").invoke(null);
            Thread thread =
                (Thread)
                    Class.forName("java.lang.Thread$Builder")
                        .getMethod("start", Runnable.class)
                        .invoke(builder, (Runnable) () -> answer[0] = calls.call(1));
            thread.join(10_000);
            return answer[0];
          }
        case "virtual-executor":
          {
            ExecutorService perTask =
                (ExecutorService)
                    Executors.class.getMethod("newVirtualThreadPerTaskExecutor").invoke(null);
            try {
              return perTask.submit(() -> calls.call(1)).get();
            } finally {
              perTask.shutdown();
            }
          }
        case "pool-reuse":
          {
            String first = ONE_THREAD.submit(() -> calls.call(1)).get();
            SynchronousQueue<String> second = new SynchronousQueue<>();
            UNTRACED_WORK.add(
                () -> {
                  try {
                    second.put(ONE_THREAD.submit(() -> calls.call(2)).get());
                  } catch (Exception e) {
                    throw new IllegalStateException(e);
                  }
                });
            return first + second.poll(10, TimeUnit.SECONDS);
          }
        case "periodic":
          {
            CountDownLatch twice = new CountDownLatch(2);
            int[] run = new int[1];
            ScheduledFuture<?> periodic =
                SCHEDULER.scheduleAtFixedRate(
                    () -> {
                      calls.call(++run[0]);
                      twice.countDown();
                    },
                    0,
                    50,
                    TimeUnit.MILLISECONDS);
            boolean ran = twice.await(10, TimeUnit.SECONDS);
            periodic.cancel(false);
            return ran ? "ran twice" : "timed out";
          }
        default:
          throw new IllegalArgumentException("no such case: " + which);
      }
    }
  }

  /** With call 0, forks a subtask for call 2 and computes call 1 itself; else makes its call. */
  private static final class Split extends RecursiveTask<String> {
    private final Calls calls;
    private final int call;

    Split(Calls calls, int call) {
      this.calls = calls;
      this.call = call;
    }

    @Override
    protected String compute() {
      if (call != 0) {
        return calls.call(call);
      }
      Split forked = new Split(calls, 2);
      forked.fork();
      return new Split(calls, 1).compute() + forked.join();
    }
  }

  /** The calls of one request's tasks to {@code /shop/hello}. */
  private static final class Calls {
    private final int port;
    private final String from;

    Calls(int port, String from) {
      this.port = port;
      this.from = from;
    }

    String call(int n) {
      try {
        HttpURLConnection connection =
            (HttpURLConnection)
                new URL("http://127.0.0.1:" + port + "/shop/hello?from=" + from + "-" + n)
                    .openConnection();
        try (InputStream body = connection.getInputStream()) {
          return new String(body.readAllBytes(), StandardCharsets.UTF_8);
        }
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    }
  }
}
