package dev.weft.instrumentation.executors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.opentelemetry.context.Context;
import io.opentelemetry.context.ContextKey;
import io.opentelemetry.context.Scope;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PropagatedContextsTest {

  private static final ContextKey<String> REQUEST = ContextKey.named("request");
  private final Context request = Context.root().with(REQUEST, "r1");

  @AfterEach
  void nothingIsLeftCurrent() {
    assertSame(Context.root(), Context.current());
  }

  @Test
  void fromTheRootContextTasksAreHandedOverAsTheyAre() {
    Runnable runnable = () -> {};
    Callable<String> callable = () -> "x";
    assertSame(runnable, PropagatedContexts.handOver(runnable));
    assertSame(callable, PropagatedContexts.handOver(callable));
    List<Callable<String>> callables = List.of(callable);
    assertSame(callables, PropagatedContexts.handOverAll(callables));

    Object task = new Object();
    PropagatedContexts.attach(task);
    assertNull(PropagatedContexts.enter(task), "nothing attached");
  }

  @Test
  void aWrappedRunnableRunsInTheHandingOverContextAndRestoresTheRunningThreads() throws Exception {
    AtomicReference<String> seen = new AtomicReference<>();
    Runnable wrapped;
    try (Scope ignored = request.makeCurrent()) {
      wrapped = PropagatedContexts.handOver(() -> seen.set(Context.current().get(REQUEST)));
    }
    assertInstanceOf(ContextRunnable.class, wrapped);
    Thread runner = new Thread(wrapped); // a plain thread: this test runs without the agent
    runner.start();
    runner.join();
    assertEquals("r1", seen.get());

    Context poolThreads = Context.root().with(REQUEST, "pool");
    try (Scope ignored = poolThreads.makeCurrent()) {
      wrapped.run();
      assertSame(
          poolThreads, Context.current(), "the running thread's context is back after the task");
    }
  }

  @Test
  void aWrappedCallableRunsInTheHandingOverContext() throws Exception {
    Callable<String> wrapped;
    try (Scope ignored = request.makeCurrent()) {
      wrapped = PropagatedContexts.handOver(() -> Context.current().get(REQUEST));
      assertSame(wrapped, PropagatedContexts.handOver(wrapped), "never wrapped twice");
    }
    assertEquals("r1", wrapped.call());
    assertSame(Context.root(), Context.current());
  }

  @Test
  void aPeriodicTaskGetsTheCallableWithoutTheContext() {
    Callable<String> task = () -> "x";
    try (Scope ignored = request.makeCurrent()) {
      ContextCallable<String> wrapped = (ContextCallable<String>) PropagatedContexts.handOver(task);
      assertSame(task, wrapped.task());
    }
  }

  @Test
  void futureTasksAreNeverWrappedAndForkJoinTasksGetTheContextAttached() {
    FutureTask<String> future = new FutureTask<>(() -> "x");
    ForkJoinTask<String> forkJoin = ForkJoinTask.adapt(() -> "x");
    try (Scope ignored = request.makeCurrent()) {
      assertSame(
          future, PropagatedContexts.handOver((Runnable) future), "it carries its context itself");
      assertSame(forkJoin, PropagatedContexts.handOver((Runnable) forkJoin));
    }
    assertNull(PropagatedContexts.enter(future));

    Object scope = PropagatedContexts.enter(forkJoin);
    assertEquals("r1", Context.current().get(REQUEST), "current while the task runs");
    PropagatedContexts.exit(scope);
    assertNull(
        PropagatedContexts.enter(forkJoin),
        "taken off when the task ran: a second run gets nothing");
  }

  @Test
  void theContextWhereAStageIsDeclaredIsKept() {
    Object stage = new Object();
    try (Scope ignored = request.makeCurrent()) {
      PropagatedContexts.attach(stage);
    }
    try (Scope ignored = Context.root().with(REQUEST, "completer").makeCurrent()) {
      PropagatedContexts.attach(
          stage); // handed to the executor later, by the thread that completes the source
    }
    Object scope = PropagatedContexts.enter(stage);
    assertEquals("r1", Context.current().get(REQUEST));
    PropagatedContexts.exit(scope);
  }

  @Test
  void invokeAllCallablesEachCarryTheContext() throws Exception {
    List<Callable<String>> carrying;
    try (Scope ignored = request.makeCurrent()) {
      carrying =
          List.copyOf(
              PropagatedContexts.handOverAll(
                  List.<Callable<String>>of(
                      () -> Context.current().get(REQUEST) + "a", () -> "b")));
    }
    assertEquals("r1a", carrying.get(0).call());
    assertEquals("b", carrying.get(1).call());
  }

  @Test
  void wrappersShowTheApplicationsTask() {
    Runnable task =
        new Runnable() {
          @Override
          public void run() {}

          @Override
          public String toString() {
            return "the application's task";
          }
        };
    try (Scope ignored = request.makeCurrent()) {
      assertEquals("the application's task", PropagatedContexts.handOver(task).toString());
    }
  }
}
