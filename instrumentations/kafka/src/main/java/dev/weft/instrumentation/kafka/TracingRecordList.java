package dev.weft.instrumentation.kafka;

import java.util.AbstractList;
import java.util.Iterator;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * {@code ConsumerRecords.records(partition)}, iterated with a process span per record. Access by index is the
 * application's own bookkeeping and is not traced; nor is copying the list ({@code addAll}, {@code new ArrayList<>()}),
 * which only hands the records on.
 */
final class TracingRecordList<K, V> extends AbstractList<ConsumerRecord<K, V>> {

  private final List<ConsumerRecord<K, V>> records;
  private final ClientIdentity consumer;

  TracingRecordList(List<ConsumerRecord<K, V>> records, ClientIdentity consumer) {
    this.records = records;
    this.consumer = consumer;
  }

  @Override
  public ConsumerRecord<K, V> get(int index) {
    return records.get(index);
  }

  @Override
  public int size() {
    return records.size();
  }

  @Override
  public Object[] toArray() {
    return records.toArray();
  }

  @Override
  public <T> T[] toArray(T[] array) {
    return records.toArray(array);
  }

  @Override
  public Iterator<ConsumerRecord<K, V>> iterator() {
    return new TracingRecordIterator<>(records.iterator(), consumer);
  }
}
