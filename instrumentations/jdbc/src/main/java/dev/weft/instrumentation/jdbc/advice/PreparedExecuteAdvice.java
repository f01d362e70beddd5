package dev.weft.instrumentation.jdbc.advice;

import dev.weft.instrumentation.jdbc.JdbcCalls;
import java.sql.Statement;
import net.bytebuddy.asm.Advice;

/** {@code PreparedStatement.execute()}, {@code executeQuery()}, {@code executeUpdate()}, {@code executeLargeUpdate()}. */
public final class PreparedExecuteAdvice {

  private PreparedExecuteAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
  public static Object enter(@Advice.This Statement statement) {
    return JdbcCalls.enterPreparedExecute(statement);
  }

  @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class, inline = false)
  public static void exit(@Advice.Enter Object execution, @Advice.Thrown Throwable thrown) {
    JdbcCalls.exit(execution, thrown);
  }
}
