package dev.weft.benchmarks.jmh;

import dev.weft.agent.tracecontext.TraceContextPropagator;
import dev.weft.instrumentation.api.ByteValuesGetter;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * W3C {@code traceparent} written into outgoing headers and read from incoming ones, as every traced hop does: by
 * the SDK's propagator, and by Weft's own ({@code otel.propagators=tracecontext} in the agent), which reads the
 * {@code traceparent} without allocating beyond the parent's span context (see it with {@code -prof gc}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class PropagationBenchmark {

  private static final TextMapGetter<Map<String, String>> HEADERS =
      new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
          return carrier.keySet();
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
          return carrier.get(key);
        }
      };

  /**
   * Headers held as bytes, as Kafka records hold them: read as strings, each value is decoded first; read as
   * bytes, Weft's propagator checks the {@code traceparent} in them.
   */
  private static final ByteValuesGetter<Map<String, byte[]>> BYTE_HEADERS =
      new ByteValuesGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, byte[]> carrier) {
          return carrier.keySet();
        }

        @Override
        public byte[] getBytes(Map<String, byte[]> carrier, String key) {
          return carrier.get(key);
        }

        @Override
        public String get(Map<String, byte[]> carrier, String key) {
          byte[] value = carrier.get(key);
          return value == null ? null : new String(value, StandardCharsets.UTF_8);
        }
      };

  /** The same getter seen as a plain one: every value decoded to a string. */
  private static final TextMapGetter<Map<String, byte[]>> DECODED_HEADERS =
      new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, byte[]> carrier) {
          return BYTE_HEADERS.keys(carrier);
        }

        @Override
        public String get(Map<String, byte[]> carrier, String key) {
          return BYTE_HEADERS.get(carrier, key);
        }
      };

  private final W3CTraceContextPropagator propagator = W3CTraceContextPropagator.getInstance();
  private final Context current =
      Context.root()
          .with(
              Span.wrap(
                  SpanContext.create(
                      "4bf92f3577b34da6a3ce929d0e0e4736",
                      "00f067aa0ba902b7",
                      TraceFlags.getSampled(),
                      TraceState.getDefault())));
  private final Map<String, String> incoming =
      Map.of("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");

  @Benchmark
  public Map<String, String> inject() {
    Map<String, String> outgoing = new HashMap<>();
    propagator.inject(current, outgoing, Map::put);
    return outgoing;
  }

  @Benchmark
  public Context extract() {
    return propagator.extract(Context.root(), incoming, HEADERS);
  }

  private final Map<String, byte[]> incomingBytes =
      Map.of(
          "traceparent",
          "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"
              .getBytes(StandardCharsets.UTF_8));

  @Benchmark
  public Context weftExtractDecodedBytes() {
    return TraceContextPropagator.INSTANCE.extract(Context.root(), incomingBytes, DECODED_HEADERS);
  }

  @Benchmark
  public Context weftExtractBytes() {
    return TraceContextPropagator.INSTANCE.extract(Context.root(), incomingBytes, BYTE_HEADERS);
  }

  @Benchmark
  public Map<String, String> weftInject() {
    Map<String, String> outgoing = new HashMap<>();
    TraceContextPropagator.INSTANCE.inject(current, outgoing, Map::put);
    return outgoing;
  }

  @Benchmark
  public Context weftExtract() {
    return TraceContextPropagator.INSTANCE.extract(Context.root(), incoming, HEADERS);
  }
}
