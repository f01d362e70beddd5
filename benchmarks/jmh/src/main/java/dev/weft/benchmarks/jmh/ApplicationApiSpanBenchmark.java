package dev.weft.benchmarks.jmh;

import dev.weft.instrumentation.opentelemetryapi.application.ContextStorageAdvice;
import dev.weft.instrumentation.opentelemetryapi.application.GlobalGetAdvice;
import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.TracerProvider;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.ContextStorage;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.util.Collection;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * A span of the application's own OpenTelemetry API, started with a few attributes and ended, through Weft's bridge,
 * against the same span on the SDK directly. Both go to the same SDK, whose ended spans become span data for an
 * exporter that drops them (as in {@link SpanBenchmark}), so the difference is the bridge.
 *
 * <p>Under the agent the application's API and the agent's are different classes; here they are the same, and the
 * bridge is taken as the instrumented API hands it out: {@code GlobalGetAdvice.enter()} is what
 * {@code GlobalOpenTelemetry.get()} returns, {@code ContextStorageAdvice.enter()} what {@code ContextStorage.get()}
 * returns. The calls the JIT sees are the same.
 */
@State(org.openjdk.jmh.annotations.Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ApplicationApiSpanBenchmark {

  private SdkTracerProvider provider;
  private Tracer sdkTracer;
  private Tracer bridgedTracer;
  private ContextStorage bridgedStorage;

  @Setup
  public void setUp() {
    provider =
        SdkTracerProvider.builder()
            .addSpanProcessor(SimpleSpanProcessor.create(new DroppingExporter()))
            .build();
    GlobalOpenTelemetry.set(new AgentSdk(provider));
    sdkTracer = provider.get("dev.weft.benchmarks");
    bridgedTracer = ((OpenTelemetry) GlobalGetAdvice.enter()).getTracer("dev.weft.benchmarks");
    bridgedStorage = (ContextStorage) ContextStorageAdvice.enter();
  }

  @TearDown
  public void tearDown() {
    GlobalOpenTelemetry.resetForTest();
    provider.shutdown().join(10, TimeUnit.SECONDS);
  }

  @Benchmark
  public Span sdkSpan() {
    return work(sdkTracer);
  }

  @Benchmark
  public Span bridgedSpan() {
    return work(bridgedTracer);
  }

  /** The span made current and read back as {@code Span.current()}, as the application would around a call. */
  @Benchmark
  public Span sdkSpanMadeCurrent() {
    Span span = start(sdkTracer);
    Span current;
    try (io.opentelemetry.context.Scope ignored = span.makeCurrent()) {
      current = Span.current();
    }
    span.end();
    return current;
  }

  /** The same through the bridged storage: {@code Context.current()}, {@code makeCurrent()}, {@code Span.current()}. */
  @Benchmark
  public Span bridgedSpanMadeCurrent() {
    Span span = start(bridgedTracer);
    Span current;
    try (io.opentelemetry.context.Scope ignored = bridgedStorage.attach(current().with(span))) {
      current = Span.fromContext(current());
    }
    span.end();
    return current;
  }

  private Context current() {
    Context current = bridgedStorage.current();
    return current == null ? Context.root() : current;
  }

  private static Span work(Tracer tracer) {
    Span span = start(tracer);
    span.end();
    return span;
  }

  private static Span start(Tracer tracer) {
    Span span =
        tracer
            .spanBuilder("checkout")
            .setAttribute("app.user", "u-42")
            .setAttribute("app.items", 3L)
            .setAttribute("app.express", true)
            .startSpan();
    span.setAttribute("app.total", 99.5);
    return span;
  }

  /** The agent's global OpenTelemetry, over the benchmark's SDK. */
  private static final class AgentSdk implements OpenTelemetry {
    private final TracerProvider tracerProvider;

    AgentSdk(TracerProvider tracerProvider) {
      this.tracerProvider = tracerProvider;
    }

    @Override
    public TracerProvider getTracerProvider() {
      return tracerProvider;
    }

    @Override
    public ContextPropagators getPropagators() {
      return ContextPropagators.noop();
    }
  }

  /** Accepts every span and keeps none. */
  private static final class DroppingExporter implements SpanExporter {
    @Override
    public CompletableResultCode export(Collection<SpanData> spans) {
      return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode flush() {
      return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode shutdown() {
      return CompletableResultCode.ofSuccess();
    }
  }
}
