package dev.weft.instrumentation.kafka;

import net.bytebuddy.asm.Advice;
import net.bytebuddy.implementation.bytecode.assign.Assigner;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;

/** {@code ConsumerRecords.records(topic)}: one process span per record when iterated. */
public final class RecordsOfTopicAdvice {

  private RecordsOfTopicAdvice() {}

  @Advice.OnMethodExit(suppress = Throwable.class, inline = false)
  @Advice.AssignReturned.ToReturned(typing = Assigner.Typing.DYNAMIC)
  public static <K, V> Iterable<ConsumerRecord<K, V>> exit(
      @Advice.This ConsumerRecords<K, V> records,
      @Advice.Return Iterable<ConsumerRecord<K, V>> ofTopic) {
    ClientIdentity consumer = PolledRecords.consumerOf(records);
    return consumer == null ? ofTopic : new TracingRecordIterable<>(ofTopic, consumer);
  }
}
