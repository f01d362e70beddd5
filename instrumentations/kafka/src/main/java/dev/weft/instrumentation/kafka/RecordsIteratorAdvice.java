package dev.weft.instrumentation.kafka;

import java.util.Iterator;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.implementation.bytecode.assign.Assigner;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;

/** {@code ConsumerRecords.iterator()}, which for-each loops and {@code forEach} use: one process span per record. */
public final class RecordsIteratorAdvice {

  private RecordsIteratorAdvice() {}

  @Advice.OnMethodExit(suppress = Throwable.class, inline = false)
  @Advice.AssignReturned.ToReturned(typing = Assigner.Typing.DYNAMIC)
  public static <K, V> Iterator<ConsumerRecord<K, V>> exit(
      @Advice.This ConsumerRecords<K, V> records,
      @Advice.Return Iterator<ConsumerRecord<K, V>> iterator) {
    ClientIdentity consumer = PolledRecords.consumerOf(records);
    return consumer == null ? iterator : new TracingRecordIterator<>(iterator, consumer);
  }
}
