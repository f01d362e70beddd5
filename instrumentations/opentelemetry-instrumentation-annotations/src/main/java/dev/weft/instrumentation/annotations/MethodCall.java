package dev.weft.instrumentation.annotations;

import dev.weft.instrumentation.api.SpanErrors;
import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

/** One call of a {@code @WithSpan} method: its span, current while the method runs, and how it ends. */
final class MethodCall {

  private static final Tracer TRACER =
      GlobalOpenTelemetry.getTracer("dev.weft." + WithSpanModule.NAME);

  private final Span span;
  private final Scope scope;
  private final boolean endsWithStage;

  private MethodCall(Span span, Scope scope, boolean endsWithStage) {
    this.span = span;
    this.scope = scope;
    this.endsWithStage = endsWithStage;
  }

  /**
   * Starts the span of a call and makes it current.
   *
   * @param key the advice's {@code @Advice.Origin("#t.#m#d")}
   * @param arguments the call's arguments, or {@code null} when the method has no {@code @SpanAttribute}
   * @return the call, or {@code null} when the method is not traced
   */
  static MethodCall start(Class<?> type, String key, Object[] arguments) {
    TracedMethod method = TracedMethods.get(type, key);
    if (method == null) {
      return null;
    }
    Context parent = method.inheritContext ? Context.current() : Context.root();
    SpanBuilder builder =
        TRACER.spanBuilder(method.spanName).setSpanKind(method.kind).setParent(parent);
    if (arguments != null) {
      for (ParameterAttribute attribute : method.attributes) {
        attribute.addTo(builder, arguments);
      }
    }
    Span span = builder.startSpan();
    return new MethodCall(span, parent.with(span).makeCurrent(), method.endsWithStage);
  }

  /**
   * Ends the call's span: now, with the exception thrown if any, or, for a method returning a
   * {@link CompletionStage}, when that stage completes.
   *
   * @param call what {@link #start} returned
   */
  static void end(Object call, Object returned, Throwable thrown) {
    if (call instanceof MethodCall) {
      ((MethodCall) call).end(returned, thrown);
    }
  }

  private void end(Object returned, Throwable thrown) {
    scope.close();
    if (thrown == null && endsWithStage && returned instanceof CompletionStage) {
      ((CompletionStage<?>) returned).whenComplete((result, failure) -> finish(failure));
    } else {
      finish(thrown);
    }
  }

  private void finish(Throwable failure) {
    if (failure != null) {
      // a stage's failure reaches dependents wrapped; the cause is what failed
      Throwable cause =
          failure instanceof CompletionException && failure.getCause() != null
              ? failure.getCause()
              : failure;
      SpanErrors.recordException(span, cause);
    }
    span.end();
  }
}
