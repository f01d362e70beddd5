package dev.weft.instrumentation.jdbc.advice;

import dev.weft.instrumentation.jdbc.JdbcCalls;
import java.sql.Statement;
import net.bytebuddy.asm.Advice;

/** {@code Statement.execute(sql)}, {@code executeQuery(sql)}, {@code executeUpdate(sql, ...)} and the rest. */
public final class StatementExecuteAdvice {

  private StatementExecuteAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
  public static Object enter(@Advice.This Statement statement, @Advice.Argument(0) String sql) {
    return JdbcCalls.enterExecute(statement, sql);
  }

  @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class, inline = false)
  public static void exit(@Advice.Enter Object execution, @Advice.Thrown Throwable thrown) {
    JdbcCalls.exit(execution, thrown);
  }
}
