package dev.weft.instrumentation.kafka;

import dev.weft.instrumentation.api.LoopScope;

/**
 * Called from application loops rewritten by the agent ({@link KafkaModule}'s {@code forLoopsOfUsersOf}) when they are
 * left by {@code break} or {@code return}: the record being handled is done, its span ends and its context is no
 * longer current. Any other iterator is left alone.
 */
public final class LoopExits {

  private LoopExits() {}

  public static void loopLeft(Object iterator) {
    if (iterator instanceof LoopScope) {
      ((LoopScope) iterator).loopLeft();
    }
  }
}
