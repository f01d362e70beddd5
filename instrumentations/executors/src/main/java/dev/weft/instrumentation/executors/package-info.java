/**
 * The current context carried into work that runs on another thread: executor tasks, {@code ForkJoinPool} tasks,
 * {@code CompletableFuture} async stages, and new threads (platform and virtual). Makes no spans.
 *
 * <p>Design choices:
 * <ul>
 *   <li>Only JDK classes are instrumented, by name: {@code ThreadPoolExecutor} (and so every JDK executor built on
 *       it, {@code ScheduledThreadPoolExecutor} included), {@code ForkJoinPool}, {@code ForkJoinTask},
 *       {@code FutureTask}, {@code CompletableFuture}'s async tasks, {@code Thread} and {@code VirtualThread}.
 *       Executors of libraries that run their tasks on these are covered; an executor with threads of its own
 *       (Netty's event loops, Jetty's thread pool) is not. Matching every {@code Executor} implementation, as the
 *       OpenTelemetry agent does, would cost a type-hierarchy test for every class loaded.</li>
 *   <li>These classes are mostly loaded before the agent (always {@code Thread}), so the agent retransforms
 *       them, which forbids new fields. The context therefore travels in the cheapest place each task offers,
 *       and nothing at all is allocated when the handing-over thread's context is the root context:
 *       <ul>
 *         <li>a {@code FutureTask} (what {@code submit}, {@code invokeAll}, {@code invokeAny} and {@code schedule}
 *             queue) gets a callable that carries the context in place of its own, when it is made: the task stays
 *             the very object the executor queues and the application holds, so {@code remove},
 *             {@code shutdownNow} and {@code cancel} work as before; one small object per task;</li>
 *         <li>a {@code ForkJoinTask} (a {@code fork()}, a task given to {@code ForkJoinPool}, CompletableFuture's
 *             async tasks on any executor) and a new thread have no such place: the context is attached to them
 *             in a weak identity map ({@link dev.weft.instrumentation.api.WeakIdentityState}), and taken off when
 *             they start running (a weak reference and a map node per task);</li>
 *         <li>a plain {@code Runnable} or {@code Callable} given to {@code execute} or to {@code ForkJoinPool}'s
 *             {@code submit} is wrapped, as the OpenTelemetry and Elastic agents do: one small object; the
 *             trade-off is that {@code ThreadPoolExecutor.remove(runnable)} no longer finds a runnable passed to
 *             {@code execute} from a traced thread, and {@code shutdownNow()} returns the wrappers (whose
 *             {@code toString()} is the task's).</li>
 *       </ul></li>
 *   <li>A CompletableFuture async stage keeps the context where it was declared ({@code thenApplyAsync} on a
 *       request thread), even when the stage it depends on completes on an untraced thread.</li>
 *   <li>The task's context is current while it runs and the thread's own (the root context, on a pool thread) is
 *       restored after it, so nothing leaks from one task to the next. A pool thread is started in the root context
 *       ({@code ThreadPoolExecutor.addWorker}), so it does not keep the context of the request that caused it.</li>
 *   <li>Periodic schedules ({@code scheduleAtFixedRate}, {@code scheduleWithFixedDelay}) carry no context: the
 *       task's captured context is dropped before its first run.</li>
 *   <li>A new thread gets the starting thread's context when it is a {@code java.lang.Thread} itself
 *       ({@code new Thread(runnable)}, {@code Thread.ofPlatform()}) or a virtual thread. Subclasses of
 *       {@code Thread} get nothing: they override {@code run()}, and are mostly libraries' long-lived threads
 *       (network loops, pool workers) that must not keep the request that first needed them in context for good.
 *       {@code ForkJoinPool}'s own resubmissions of virtual threads' continuations are left alone.</li>
 *   <li>The advice never waits for the SDK ({@code needsTracing() == false}): it only moves contexts, and the
 *       SDK's own start-up starts threads.</li>
 * </ul>
 */
package dev.weft.instrumentation.executors;
