package dev.weft.instrumentation.jdbc.advice;

import dev.weft.instrumentation.jdbc.JdbcCalls;
import java.sql.Statement;
import net.bytebuddy.asm.Advice;

/** {@code Statement.addBatch(sql)}: one more text of the batch. */
public final class AddBatchTextAdvice {

  private AddBatchTextAdvice() {}

  @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class, inline = false)
  public static void exit(
      @Advice.This Statement statement,
      @Advice.Argument(0) String sql,
      @Advice.Thrown Throwable thrown) {
    if (thrown == null) {
      JdbcCalls.textAdded(statement, sql);
    }
  }
}
