package dev.weft.instrumentation.api;

/**
 * An iterator that keeps something open (a span, a current context) for the element the loop body is handling,
 * and closes it when asked for the next element. Classes that a {@link TypeInstrumentation#forLoopsOfUsersOf}
 * instrumentation rewrites also tell it when their loop is left another way.
 */
public interface LoopScope {

  /** The loop over this iterator was left by {@code break} or {@code return}: close what is open. */
  void loopLeft();
}
