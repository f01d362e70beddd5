package dev.weft.instrumentation.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

class TopicSpanNamesTest {

  private final TopicSpanNames names = new TopicSpanNames("process");

  @Test
  void theNameIsTheOperationAndTheTopic() {
    assertEquals("process orders", names.of("orders"));
  }

  @Test
  void aClientTakingTurnsOnTwoTopicsGetsEachTopicsNameBuiltOnce() {
    String orders = names.of("orders");
    String payments = names.of("payments");
    for (int i = 0; i < 3; i++) {
      assertSame(orders, names.of("orders"));
      assertSame(payments, names.of("payments"));
    }
  }

  @Test
  void beyondTheBoundNamesAreBuiltForEachRecordAndTheKeptOnesStay() {
    String first = names.of("topic-0");
    for (int i = 1; i < TopicSpanNames.MOST_TOPICS; i++) {
      names.of("topic-" + i);
    }

    String beyond = names.of("one-too-many");
    assertEquals("process one-too-many", beyond);
    assertNotSame(beyond, names.of("one-too-many"), "not kept: the cache is full");
    assertSame(first, names.of("topic-0"));
  }
}
