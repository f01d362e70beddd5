package dev.weft.instrumentation.jdbc;

import dev.weft.instrumentation.api.WeakIdentityState;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * What the agent remembers of a statement between calls: the SQL a prepared (or callable) statement was prepared
 * with, and the batch added since its last execution. A statement is used by one thread at a time, so its state
 * needs no lock; the map that holds it is shared and lock-free.
 */
final class StatementState {

  private static final WeakIdentityState<StatementState> STATES = new WeakIdentityState<>();

  /** The prepared SQL, or null for a plain statement. */
  final String preparedSql;

  /** Rows added to a prepared statement's batch. */
  private int batchRows;

  /** Texts added to a plain statement's batch, or null. */
  private List<String> batchTexts;

  private StatementState(String preparedSql) {
    this.preparedSql = preparedSql;
  }

  static void prepared(Statement statement, String sql) {
    STATES.put(statement, new StatementState(sql));
  }

  /** The state of the statement, or null when nothing was remembered of it. */
  static StatementState of(Statement statement) {
    return STATES.get(statement);
  }

  /** {@code PreparedStatement.addBatch()}: one more row for the prepared SQL. */
  static void rowAdded(Statement statement) {
    StatementState state = STATES.get(statement);
    if (state != null) {
      state.batchRows++;
    }
  }

  /** {@code Statement.addBatch(sql)}: one more text. */
  static void textAdded(Statement statement, String sql) {
    StatementState state = STATES.get(statement);
    if (state == null) {
      state = new StatementState(null);
      STATES.put(statement, state);
    }
    if (state.batchTexts == null) {
      state.batchTexts = new ArrayList<>();
    }
    state.batchTexts.add(sql);
  }

  /** {@code clearBatch()}, or the batch was executed. */
  static void batchCleared(Statement statement) {
    StatementState state = STATES.get(statement);
    if (state != null) {
      state.clearBatch();
    }
  }

  int batchRows() {
    return batchRows;
  }

  /** The texts of a plain statement's batch, or null. */
  List<String> batchTexts() {
    return batchTexts;
  }

  void clearBatch() {
    batchRows = 0;
    batchTexts = null;
  }
}
