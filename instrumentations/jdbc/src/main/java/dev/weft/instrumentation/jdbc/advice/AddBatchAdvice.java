package dev.weft.instrumentation.jdbc.advice;

import dev.weft.instrumentation.jdbc.JdbcCalls;
import java.sql.Statement;
import net.bytebuddy.asm.Advice;

/** {@code PreparedStatement.addBatch()}: one more row of the batch. */
public final class AddBatchAdvice {

  private AddBatchAdvice() {}

  @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class, inline = false)
  public static void exit(@Advice.This Statement statement, @Advice.Thrown Throwable thrown) {
    if (thrown == null) {
      JdbcCalls.rowAdded(statement);
    }
  }
}
