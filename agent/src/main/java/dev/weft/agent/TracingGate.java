package dev.weft.agent;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Whether the SDK is ready, built on a thread of its own while the instrumentation is installed. Advice is linked
 * only once it is (advice caches the tracer), and is linked to nothing when configuration left tracing off.
 */
final class TracingGate {

  /** How long the first advice call waits for the SDK before it gives up and runs untraced. */
  private static final long WAIT_SECONDS = 10;

  private final CountDownLatch settled = new CountDownLatch(1);
  private volatile boolean tracing;

  void settle(boolean tracingOn) {
    tracing = tracingOn;
    settled.countDown();
  }

  /** Waits for the SDK; true when tracing is on. */
  boolean awaitTracing() {
    try {
      return settled.await(WAIT_SECONDS, TimeUnit.SECONDS) && tracing;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
