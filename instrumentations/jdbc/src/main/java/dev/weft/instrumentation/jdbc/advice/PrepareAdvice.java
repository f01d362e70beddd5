package dev.weft.instrumentation.jdbc.advice;

import dev.weft.instrumentation.jdbc.JdbcCalls;
import net.bytebuddy.asm.Advice;

/** {@code Connection.prepareStatement(sql, ...)} and {@code prepareCall(sql, ...)}: the statement's SQL. */
public final class PrepareAdvice {

  private PrepareAdvice() {}

  @Advice.OnMethodExit(suppress = Throwable.class, inline = false)
  public static void exit(@Advice.Argument(0) String sql, @Advice.Return Object statement) {
    JdbcCalls.prepared(statement, sql);
  }
}
