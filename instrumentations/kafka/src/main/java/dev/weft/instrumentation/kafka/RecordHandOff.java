package dev.weft.instrumentation.kafka;

/**
 * A thread on which a framework hands a poll's records on to the application: a listener container's consumer
 * thread. The framework's own passes over the records there (copying them into the list a batch listener gets,
 * draining the rest of a poll for its error handler, acknowledging, seeking) only move them and make no spans; the
 * records are processed where the application gets them: a record listener's invocation
 * ({@link SpringRecordListenerAdvice}), or the application's iteration of the collection a batch listener gets
 * ({@link BatchProcessing}), which is the one place on such a thread where iterating records makes spans.
 */
final class RecordHandOff {

  private static final ThreadLocal<Boolean> HANDING_ON = new ThreadLocal<>();

  private RecordHandOff() {}

  static void threadStarted() {
    HANDING_ON.set(Boolean.TRUE);
  }

  static void threadEnded() {
    HANDING_ON.remove();
  }

  /** Whether records iterated on this thread now are only being moved by the framework. */
  static boolean handingOn() {
    return HANDING_ON.get() != null && !BatchProcessing.listenerRunningOnThisThread();
  }
}
