package dev.weft.instrumentation.executors;

import static net.bytebuddy.matcher.ElementMatchers.isBridge;
import static net.bytebuddy.matcher.ElementMatchers.isConstructor;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;
import static net.bytebuddy.matcher.ElementMatchers.not;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.weft.instrumentation.api.InstrumentationModule;
import dev.weft.instrumentation.api.Requirement;
import dev.weft.instrumentation.api.TypeInstrumentation;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.matcher.ElementMatcher;

/** The context carried into executor tasks, CompletableFuture's async stages and new threads. */
public final class ExecutorsModule extends InstrumentationModule {

  private static final String THREAD = "java.lang.Thread";
  private static final String VIRTUAL_THREAD = "java.lang.VirtualThread";
  private static final String THREAD_POOL = "java.util.concurrent.ThreadPoolExecutor";
  private static final String FORK_JOIN_POOL = "java.util.concurrent.ForkJoinPool";
  private static final String FORK_JOIN_TASK = "java.util.concurrent.ForkJoinTask";
  private static final String FUTURE_TASK = "java.util.concurrent.FutureTask";
  private static final String COMPLETION = "java.util.concurrent.CompletableFuture$Completion";
  private static final String UNI_COMPLETION =
      "java.util.concurrent.CompletableFuture$UniCompletion";
  private static final String ASYNC_SUPPLY = "java.util.concurrent.CompletableFuture$AsyncSupply";
  private static final String ASYNC_RUN = "java.util.concurrent.CompletableFuture$AsyncRun";

  private static final List<String> TYPES =
      List.of(
          THREAD,
          VIRTUAL_THREAD,
          THREAD_POOL,
          FORK_JOIN_POOL,
          FORK_JOIN_TASK,
          FUTURE_TASK,
          COMPLETION,
          UNI_COMPLETION,
          ASYNC_SUPPLY,
          ASYNC_RUN);
  private static final Set<String> TYPE_SET = Set.copyOf(TYPES);

  public ExecutorsModule() {
    super("executors");
  }

  @Override
  public String supportedVersions() {
    return "the executors, ForkJoinPool, CompletableFuture and threads of Java 11 and newer";
  }

  @Override
  public boolean mayApplyTo(String className) {
    return className.startsWith("java.") && TYPE_SET.contains(className);
  }

  @Override
  public List<String> jdkTypes() {
    return TYPES;
  }

  /** The advice only carries the current context, and never waits for the SDK (the SDK's own build starts threads). */
  @Override
  public boolean needsTracing() {
    return false;
  }

  @Override
  public String markerClass() {
    return "java.util.concurrent.ForkJoinPool";
  }

  @Override
  public List<Requirement> requirements() {
    List<Requirement> required = new ArrayList<>();
    for (String type : TYPES) {
      if (!type.equals(VIRTUAL_THREAD)) { // Java 21 and newer
        required.add(Requirement.type(type));
      }
    }
    return required;
  }

  @Override
  public List<TypeInstrumentation> typeInstrumentations() {
    return List.of(
        type(THREAD)
            .advise(named("start"), ThreadStartAdvice.class)
            .advise(named("run").and(takesArguments(0)), RunTaskAdvice.class),
        type(VIRTUAL_THREAD)
            .advise(named("start"), ThreadStartAdvice.class)
            .advise(
                named("run").and(takesArguments(1)).and(takesArgument(0, Runnable.class)),
                RunTaskAdvice.class),
        type(THREAD_POOL)
            .advise(named("execute").and(takesArguments(Runnable.class)), WrapRunnableAdvice.class)
            .advise(named("addWorker"), PoolInternalsAdvice.class),
        type(FORK_JOIN_POOL)
            .advise(handingOver(Runnable.class), WrapRunnableAdvice.class)
            .advise(handingOver(java.util.concurrent.Callable.class), WrapCallableAdvice.class)
            .advise(
                namedOneOf("execute", "submit", "invoke")
                    .and(not(isBridge()))
                    .and(takesArguments(java.util.concurrent.ForkJoinTask.class)),
                AttachToTaskAdvice.class)
            .advise(
                namedOneOf("invokeAll", "invokeAny", "invokeAllUninterruptibly")
                    .and(not(isBridge()))
                    .and(takesArgument(0, java.util.Collection.class)),
                WrapCallablesAdvice.class),
        type(FORK_JOIN_TASK)
            .advise(named("fork").and(takesArguments(0)), AttachToThisAdvice.class)
            .advise(named("doExec").and(takesArguments(0)), RunTaskAdvice.class),
        type(FUTURE_TASK)
            .advise(isConstructor(), FutureTaskCreatedAdvice.class)
            .advise(named("runAndReset").and(takesArguments(0)), PeriodicRunAdvice.class),
        type(UNI_COMPLETION)
            .advise(
                isConstructor().and(takesArgument(0, java.util.concurrent.Executor.class)),
                AsyncStageCreatedAdvice.class),
        type(ASYNC_SUPPLY)
            .advise(isConstructor(), AsyncTaskCreatedAdvice.class)
            .advise(named("run").and(takesArguments(0)), RunTaskAdvice.class),
        type(ASYNC_RUN)
            .advise(isConstructor(), AsyncTaskCreatedAdvice.class)
            .advise(named("run").and(takesArguments(0)), RunTaskAdvice.class),
        type(COMPLETION).advise(named("run").and(takesArguments(0)), RunTaskAdvice.class));
  }

  /**
   * The pool's methods that take a task to run later, as a {@code Runnable} or {@code Callable}: not its periodic
   * schedules (Java 25), which carry no context.
   */
  private static ElementMatcher<MethodDescription> handingOver(Class<?> taskType) {
    return namedOneOf("execute", "submit", "schedule", "submitWithTimeout")
        .and(not(isBridge()))
        .and(takesArgument(0, taskType));
  }

  private static TypeInstrumentation type(String className) {
    return TypeInstrumentation.forTypes(named(className));
  }
}
