package dev.weft.benchmarks.jmh;

import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
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
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * One SERVER span started, given the attributes a servlet span carries, and ended, with the OpenTelemetry SDK the
 * agent ships. Ended spans are turned into span data and handed to an exporter that drops them: a batch processor
 * would overflow under a benchmark loop and time its cheaper dropping path instead.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class SpanBenchmark {

  private SdkTracerProvider provider;
  private Tracer tracer;

  @Setup
  public void setUp() {
    provider =
        SdkTracerProvider.builder()
            .addSpanProcessor(SimpleSpanProcessor.create(new DroppingExporter()))
            .build();
    tracer = provider.get("dev.weft.benchmarks");
  }

  @TearDown
  public void tearDown() {
    provider.shutdown().join(10, TimeUnit.SECONDS);
  }

  @Benchmark
  public void serverSpanWithAttributes() {
    tracer
        .spanBuilder("GET /chain")
        .setSpanKind(SpanKind.SERVER)
        .setAttribute("http.request.method", "GET")
        .setAttribute("url.scheme", "http")
        .setAttribute("url.path", "/chain")
        .setAttribute("server.address", "127.0.0.1")
        .setAttribute("server.port", 8080L)
        .setAttribute("network.peer.address", "127.0.0.1")
        .setAttribute("network.peer.port", 51234L)
        .setAttribute("client.address", "127.0.0.1")
        .setAttribute("network.protocol.version", "1.1")
        .setAttribute("http.route", "/chain")
        .startSpan()
        .setAttribute("http.response.status_code", 200L)
        .end();
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
