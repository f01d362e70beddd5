package dev.weft.instrumentation.jdbc.advice;

import dev.weft.instrumentation.jdbc.JdbcCalls;
import java.sql.Statement;
import net.bytebuddy.asm.Advice;

/** {@code clearBatch()} */
public final class ClearBatchAdvice {

  private ClearBatchAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
  public static void enter(@Advice.This Statement statement) {
    JdbcCalls.batchCleared(statement);
  }
}
