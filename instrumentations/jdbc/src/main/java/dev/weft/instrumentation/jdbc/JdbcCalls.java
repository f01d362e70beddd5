package dev.weft.instrumentation.jdbc;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Scope;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.List;

/**
 * What the advice calls. One execution is one span however many wrappers it passes through: the outermost
 * instrumented {@code execute*} of a thread claims the execution, and the calls it makes inside (a pool's proxy
 * calling the driver, a driver calling its own overloads or running queries for {@code getMetaData}) add nothing.
 * A wrapper whose SQL the agent did not see (one prepared by a connection that is not instrumented) does not claim
 * the execution, so the statement it wraps makes the span.
 *
 * <p>This class and its helpers are loaded once, by the agent, whichever class loaders the driver and the pool
 * come from, so the claim and the per-object state are shared by all of them.
 */
public final class JdbcCalls {

  private static final ThreadLocal<int[]> DEPTH = ThreadLocal.withInitial(() -> new int[1]);

  /** An execution claimed whose span the sampler dropped: nothing to end. */
  private static final Object NOT_RECORDED = new Object();

  private JdbcCalls() {}

  /** {@code Statement.execute*(sql, ...)}: returns what {@link #exit} takes, or null when not ours. */
  public static Object enterExecute(Statement statement, String sql) {
    int[] depth = DEPTH.get();
    return depth[0] > 0 || sql == null ? null : execute(depth, statement, sql);
  }

  /** {@code PreparedStatement.execute*()}: the SQL is the one the statement was prepared with. */
  public static Object enterPreparedExecute(Statement statement) {
    int[] depth = DEPTH.get();
    if (depth[0] > 0) {
      return null;
    }
    StatementState state = StatementState.of(statement);
    return state == null || state.preparedSql == null
        ? null
        : execute(depth, statement, state.preparedSql);
  }

  private static Object execute(int[] depth, Statement statement, String sql) {
    depth[0]++;
    try {
      Span span = JdbcSpans.start();
      if (!span.isRecording()) {
        return NOT_RECORDED;
      }
      ConnectionFacts facts = Connections.factsOf(statement);
      SqlQuery query = Queries.analyzed(sql, facts.doubleQuotesAreIdentifiers);
      JdbcSpans.describe(span, facts, query, JdbcSpans.SANITIZE ? query.sanitizedText : sql, -1);
      return new Execution(span);
    } catch (Throwable t) {
      depth[0]--;
      return null;
    }
  }

  /** {@code executeBatch()}: the rows added to a prepared statement, or the texts added to a plain one. */
  public static Object enterBatch(Statement statement) {
    int[] depth = DEPTH.get();
    StatementState state = StatementState.of(statement);
    if (state == null) {
      return null;
    }
    if (depth[0] > 0) {
      state.clearBatch(); // executed by the wrapper's span, and cleared by the driver
      return null;
    }
    depth[0]++;
    try {
      Span span = JdbcSpans.start();
      if (!span.isRecording()) {
        state.clearBatch();
        return NOT_RECORDED;
      }
      ConnectionFacts facts = Connections.factsOf(statement);
      describeBatch(span, facts, state);
      state.clearBatch();
      return new Execution(span);
    } catch (Throwable t) {
      depth[0]--;
      return null;
    }
  }

  private static void describeBatch(Span span, ConnectionFacts facts, StatementState state) {
    List<String> texts = state.batchTexts();
    if (state.preparedSql != null) {
      SqlQuery query = Queries.analyzed(state.preparedSql, facts.doubleQuotesAreIdentifiers);
      String text = JdbcSpans.SANITIZE ? query.sanitizedText : state.preparedSql;
      int rows = state.batchRows();
      JdbcSpans.describe(span, facts, rows >= 2 ? Queries.batchOf(query, text) : query, text, rows);
    } else if (texts == null || texts.isEmpty()) {
      JdbcSpans.describe(span, facts, new SqlQuery("", "BATCH", "BATCH", null, null), "", 0);
    } else if (texts.size() == 1) {
      SqlQuery query = Queries.analyzed(texts.get(0), facts.doubleQuotesAreIdentifiers);
      JdbcSpans.describe(
          span, facts, query, JdbcSpans.SANITIZE ? query.sanitizedText : texts.get(0), 1);
    } else {
      SqlQuery query = Queries.batchOf(texts, facts.doubleQuotesAreIdentifiers, JdbcSpans.SANITIZE);
      JdbcSpans.describe(span, facts, query, query.sanitizedText, texts.size());
    }
  }

  /** After any {@code enter*}: ends the span of a claimed execution. */
  public static void exit(Object execution, Throwable thrown) {
    if (execution == null) {
      return;
    }
    DEPTH.get()[0]--;
    if (execution instanceof Execution) {
      ((Execution) execution).end(thrown);
    }
  }

  /** {@code Connection.prepareStatement(sql, ...)} and {@code prepareCall} returned {@code statement}. */
  public static void prepared(Object statement, String sql) {
    if (statement instanceof Statement && sql != null) {
      StatementState.prepared((Statement) statement, sql);
    }
  }

  /** {@code PreparedStatement.addBatch()} */
  public static void rowAdded(Statement statement) {
    StatementState.rowAdded(statement);
  }

  /** {@code Statement.addBatch(sql)}; a prepared statement refuses it. */
  public static void textAdded(Statement statement, String sql) {
    if (!(statement instanceof PreparedStatement) && sql != null) {
      StatementState.textAdded(statement, sql);
    }
  }

  /** {@code clearBatch()} */
  public static void batchCleared(Statement statement) {
    StatementState.batchCleared(statement);
  }

  /** A claimed, recorded execution: its span, current while the statement runs. */
  private static final class Execution {
    private final Span span;
    private final Scope scope;

    Execution(Span span) {
      this.span = span;
      this.scope = span.makeCurrent();
    }

    void end(Throwable thrown) {
      scope.close();
      JdbcSpans.end(span, thrown);
    }
  }
}
