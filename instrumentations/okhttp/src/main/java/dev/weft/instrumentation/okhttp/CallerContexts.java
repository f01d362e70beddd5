package dev.weft.instrumentation.okhttp;

import dev.weft.instrumentation.api.WeakIdentityState;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;

/**
 * The caller's context of each async call, from its creation until it runs. Weakly held: a call that never runs
 * (cancelled before dispatch) is simply forgotten. Without a lock: many request threads enqueue calls at once.
 */
final class CallerContexts {

  private static final WeakIdentityState<Context> BY_CALL = new WeakIdentityState<>();

  private CallerContexts() {}

  static void capture(Object asyncCall) {
    Context caller = Context.current();
    if (caller != Context.root()) {
      BY_CALL.put(asyncCall, caller);
    }
  }

  /** Makes the caller's context current; {@code null} when there is none. */
  static Scope resume(Object asyncCall) {
    Context caller = BY_CALL.remove(asyncCall);
    return caller == null ? null : caller.makeCurrent();
  }
}
