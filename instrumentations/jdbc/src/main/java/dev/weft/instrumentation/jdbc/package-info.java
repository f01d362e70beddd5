/**
 * CLIENT spans for JDBC statements, following the stable database client semantic conventions v1.37
 * ({@code db.system.name}, {@code db.namespace}, {@code db.query.text}, {@code db.query.summary},
 * {@code db.operation.name}, {@code db.collection.name}, {@code db.stored_procedure.name},
 * {@code db.operation.batch.size}, {@code db.response.status_code}, {@code server.address}, {@code server.port},
 * {@code error.type}).
 *
 * <p>Design choices:
 * <ul>
 *   <li>Advice sits on the implementations of {@code java.sql.Statement} ({@code execute*}, {@code executeBatch},
 *       {@code addBatch}, {@code clearBatch}) and of {@code java.sql.Connection} ({@code prepareStatement},
 *       {@code prepareCall}), found by name first (the class name contains {@code Statement} or
 *       {@code Connection}), then by type. A prepared statement's SQL is remembered per statement object, in a weak,
 *       lock-free identity map ({@link dev.weft.instrumentation.jdbc.StatementState}); nothing is wrapped.</li>
 *   <li>One execution, one span: the outermost instrumented call on a thread claims it (a per-thread depth) and the
 *       calls beneath it (a pool's proxy calling the driver) add nothing ({@link dev.weft.instrumentation.jdbc.JdbcCalls}).
 *       Only the advice classes are loaded per class loader; this package is loaded once by the agent, so the
 *       claim holds across class loaders.</li>
 *   <li>Connection facts (system, namespace, server, from the URL the driver reports) are worked out once per
 *       physical connection and cached weakly; a pool's new wrapper of a known connection is unwrapped once
 *       ({@link dev.weft.instrumentation.jdbc.Connections}).</li>
 *   <li>The span is started first; only a recording span is named and described, so unsampled traces pay for a
 *       non-recording span alone ({@link dev.weft.instrumentation.jdbc.JdbcSpans}).</li>
 *   <li>SQL is read in one pass that writes the sanitized text and the summary together, no regular expressions
 *       ({@link dev.weft.instrumentation.jdbc.SqlAnalyzer}); the result is cached per text, up to 1000 texts
 *       ({@link dev.weft.instrumentation.jdbc.Queries}). Sanitizing follows the OpenTelemetry agent's rules and its
 *       settings {@code otel.instrumentation.jdbc.statement-sanitizer.enabled} and
 *       {@code otel.instrumentation.common.db-statement-sanitizer.enabled} (default true).</li>
 *   <li>{@code db.operation.name} and {@code db.collection.name} are set only where the text makes them clear: the
 *       first operation of a text holding one statement, and the one table of a statement naming exactly one.</li>
 * </ul>
 */
package dev.weft.instrumentation.jdbc;
