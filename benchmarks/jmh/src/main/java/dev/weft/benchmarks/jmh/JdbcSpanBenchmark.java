package dev.weft.benchmarks.jmh;

import dev.weft.instrumentation.jdbc.JdbcCalls;
import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.Statement;
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
 * The JDBC module's whole span path for one statement execution, as its advice runs it: claim the execution,
 * start the CLIENT span, look up the connection's facts, analyze the SQL (sanitized text and summary), set the
 * name and attributes, make the span current, end it; with the SDK and dropping exporter of {@link SpanBenchmark}
 * (compare with its {@code serverSpanWithAttributes}). The statement and connection are JDK proxies: their
 * reflective dispatch of {@code getConnection()} is counted in.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class JdbcSpanBenchmark {

  private static final String SQL =
      "SELECT o.id, o.first_name, o.last_name FROM owners o WHERE o.last_name = 'Davis' AND o.id > 10";

  /** More distinct texts than the module keeps analyses of, so that each is analyzed again. */
  private static final int TEXTS = 4096;

  private SdkTracerProvider provider;
  private Statement statement;
  private final String[] texts = new String[TEXTS];
  private int next;

  @Setup
  public void setUp() {
    provider =
        SdkTracerProvider.builder()
            .addSpanProcessor(SimpleSpanProcessor.create(new DroppingExporter()))
            .build();
    GlobalOpenTelemetry.resetForTest();
    GlobalOpenTelemetry.set(OpenTelemetrySdk.builder().setTracerProvider(provider).build());
    DatabaseMetaData metaData =
        proxy(DatabaseMetaData.class, "getURL", "jdbc:postgresql://db.example.com:5432/shop");
    Connection connection = proxy(Connection.class, "getMetaData", metaData);
    statement = proxy(Statement.class, "getConnection", connection);
    for (int i = 0; i < TEXTS; i++) {
      texts[i] =
          "SELECT o.id, o.first_name, o.last_name FROM owners o WHERE o.last_name = 'Davis' AND o.id > "
              + i;
    }
  }

  @TearDown
  public void tearDown() {
    provider.shutdown().join(10, TimeUnit.SECONDS);
  }

  /** A statement run before: its analysis comes from the module's cache. */
  @Benchmark
  public void jdbcSpanOfARepeatedStatement() {
    JdbcCalls.exit(JdbcCalls.enterExecute(statement, SQL), null);
  }

  /** A statement analyzed (sanitized and summarized) for this execution. */
  @Benchmark
  public void jdbcSpanSanitizingTheStatement() {
    String sql = texts[next++ & (TEXTS - 1)];
    JdbcCalls.exit(JdbcCalls.enterExecute(statement, sql), null);
  }

  /** A proxy of {@code type} that answers {@code method} with {@code answer}, and false or null to the rest. */
  private static <T> T proxy(Class<T> type, String method, Object answer) {
    return type.cast(
        Proxy.newProxyInstance(
            type.getClassLoader(),
            new Class<?>[] {type},
            (self, invoked, arguments) -> {
              if (invoked.getName().equals(method)) {
                return answer;
              }
              if (invoked.getName().equals("hashCode")) {
                return System.identityHashCode(self);
              }
              return invoked.getReturnType() == boolean.class ? Boolean.FALSE : null;
            }));
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
