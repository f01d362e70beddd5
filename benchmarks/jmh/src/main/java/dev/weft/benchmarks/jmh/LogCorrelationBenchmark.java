package dev.weft.benchmarks.jmh;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.OutputStreamAppender;
import java.io.OutputStream;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * One Logback 1.5 log event, formatted with {@code %X{trace_id} %X{span_id} %X{trace_flags} %msg%n} and written to
 * a stream that discards it, logged inside a span and outside any. Run without an agent (no ids: Logback's own
 * cost) and with one ({@code -jvmArgsAppend "-javaagent:agent/target/weft-agent.jar -Dotel.traces.exporter=none"}):
 * the difference is the cost of the ids per event (looking up the current span, the MDC view, printing the ids).
 * The span is one per {@value #EVENTS} events, its own cost spread thin.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class LogCorrelationBenchmark {

  static final int EVENTS = 10_000;

  private final AnnotatedCalls calls = new AnnotatedCalls();
  private Logger logger;

  @Setup
  public void setUp() {
    LoggerContext context = new LoggerContext();
    context.setMDCAdapter(new LogbackMDCAdapter()); // as SLF4J's Logback provider does
    context.start();
    PatternLayoutEncoder encoder = new PatternLayoutEncoder();
    encoder.setContext(context);
    encoder.setPattern("%X{trace_id} %X{span_id} %X{trace_flags} %msg%n");
    encoder.start();
    OutputStreamAppender<ILoggingEvent> appender = new OutputStreamAppender<>();
    appender.setContext(context);
    appender.setEncoder(encoder);
    appender.setOutputStream(OutputStream.nullOutputStream());
    appender.start();
    logger = context.getLogger("benchmark");
    logger.setLevel(Level.INFO);
    logger.setAdditive(false);
    logger.addAppender(appender);
  }

  @Benchmark
  @OperationsPerInvocation(EVENTS)
  public void logInsideSpan() {
    calls.logInSpan(logger, EVENTS);
  }

  @Benchmark
  @OperationsPerInvocation(EVENTS)
  public void logOutsideSpan() {
    calls.logOutsideSpan(logger, EVENTS);
  }
}
