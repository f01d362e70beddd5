package dev.weft.instrumentation.jdbc;

import dev.weft.instrumentation.api.InstrumentationConfig;
import dev.weft.instrumentation.api.SpanErrors;
import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.semconv.DbAttributes;
import io.opentelemetry.semconv.ServerAttributes;
import java.sql.SQLException;

/**
 * CLIENT spans of statement executions, named and attributed per the database client conventions (v1.37).
 *
 * <p>A span is started before anything about the statement is worked out, under a provisional name, and only a
 * span the sampler records is then named and given its attributes: an execution in an unsampled trace costs a
 * non-recording span and nothing else. (Samplers therefore see the span's kind and parent, not its attributes.)
 */
final class JdbcSpans {

  private static final Tracer TRACER = GlobalOpenTelemetry.getTracer("dev.weft.jdbc");

  /**
   * {@code otel.instrumentation.jdbc.statement-sanitizer.enabled}, else
   * {@code otel.instrumentation.common.db-statement-sanitizer.enabled}, as the OpenTelemetry agent reads them.
   */
  static final boolean SANITIZE =
      InstrumentationConfig.getBoolean(
          "otel.instrumentation.jdbc.statement-sanitizer.enabled",
          InstrumentationConfig.getBoolean(
              "otel.instrumentation.common.db-statement-sanitizer.enabled", true));

  private JdbcSpans() {}

  /** A CLIENT span, the child of the current context; it records nothing when the sampler dropped it. */
  static Span start() {
    return TRACER.spanBuilder("jdbc").setSpanKind(SpanKind.CLIENT).startSpan();
  }

  /**
   * Names the span and sets its attributes.
   *
   * @param text {@code db.query.text}
   * @param batchSize the statements or rows of a batch, or -1 when not a batch
   */
  static void describe(
      Span span, ConnectionFacts facts, SqlQuery query, String text, long batchSize) {
    span.updateName(spanName(facts, query));
    span.setAttribute(DbAttributes.DB_SYSTEM_NAME, facts.systemName);
    if (facts.namespace != null) {
      span.setAttribute(DbAttributes.DB_NAMESPACE, facts.namespace);
    }
    if (facts.serverAddress != null) {
      span.setAttribute(ServerAttributes.SERVER_ADDRESS, facts.serverAddress);
      span.setAttribute(ServerAttributes.SERVER_PORT, facts.serverPort);
    }
    span.setAttribute(DbAttributes.DB_QUERY_TEXT, text);
    if (query.summary != null) {
      span.setAttribute(DbAttributes.DB_QUERY_SUMMARY, query.summary);
    }
    if (query.operation != null) {
      span.setAttribute(DbAttributes.DB_OPERATION_NAME, query.operation);
    }
    if (query.collection != null) {
      span.setAttribute(DbAttributes.DB_COLLECTION_NAME, query.collection);
    }
    if (query.storedProcedure != null) {
      span.setAttribute(DbAttributes.DB_STORED_PROCEDURE_NAME, query.storedProcedure);
    }
    if (batchSize >= 2) {
      span.setAttribute(DbAttributes.DB_OPERATION_BATCH_SIZE, batchSize);
    }
  }

  /** The summary; without one, the namespace, the server, else the system name, as the conventions fall back. */
  static String spanName(ConnectionFacts facts, SqlQuery query) {
    if (query.summary != null) {
      return query.summary;
    }
    if (facts.namespace != null) {
      return facts.namespace;
    }
    if (facts.serverAddress != null) {
      return facts.serverAddress + ":" + facts.serverPort;
    }
    return facts.systemName;
  }

  /** Ends the span; a failure sets {@code error.type}, the SQL state and an exception event. */
  static void end(Span span, Throwable thrown) {
    if (thrown != null) {
      if (thrown instanceof SQLException && ((SQLException) thrown).getSQLState() != null) {
        span.setAttribute(
            DbAttributes.DB_RESPONSE_STATUS_CODE, ((SQLException) thrown).getSQLState());
      }
      SpanErrors.recordException(span, thrown);
    }
    span.end();
  }
}
