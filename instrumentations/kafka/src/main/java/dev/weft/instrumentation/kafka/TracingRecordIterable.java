package dev.weft.instrumentation.kafka;

import java.util.Iterator;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** {@code ConsumerRecords.records(topic)}, iterated with a process span per record. */
final class TracingRecordIterable<K, V> implements Iterable<ConsumerRecord<K, V>> {

  private final Iterable<ConsumerRecord<K, V>> records;
  private final ClientIdentity consumer;

  TracingRecordIterable(Iterable<ConsumerRecord<K, V>> records, ClientIdentity consumer) {
    this.records = records;
    this.consumer = consumer;
  }

  @Override
  public Iterator<ConsumerRecord<K, V>> iterator() {
    return new TracingRecordIterator<>(records.iterator(), consumer);
  }
}
