package dev.weft.instrumentation.kafka;

import java.util.List;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.implementation.bytecode.assign.Assigner;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;

/** {@code ConsumerRecords.records(partition)}: one process span per record when iterated. */
public final class RecordsOfPartitionAdvice {

  private RecordsOfPartitionAdvice() {}

  @Advice.OnMethodExit(suppress = Throwable.class, inline = false)
  @Advice.AssignReturned.ToReturned(typing = Assigner.Typing.DYNAMIC)
  public static <K, V> List<ConsumerRecord<K, V>> exit(
      @Advice.This ConsumerRecords<K, V> records,
      @Advice.Return List<ConsumerRecord<K, V>> ofPartition) {
    ClientIdentity consumer = PolledRecords.consumerOf(records);
    return consumer == null ? ofPartition : new TracingRecordList<>(ofPartition, consumer);
  }
}
