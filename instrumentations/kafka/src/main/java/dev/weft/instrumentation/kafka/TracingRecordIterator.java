package dev.weft.instrumentation.kafka;

import dev.weft.instrumentation.api.LoopScope;
import java.util.Iterator;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Iterates consumed records for the application: each record handed out by {@link #next()} is being processed
 * until the application asks for the next one (or whether there is one), or leaves the loop, which ends it.
 */
final class TracingRecordIterator<K, V> implements Iterator<ConsumerRecord<K, V>>, LoopScope {

  private final Iterator<ConsumerRecord<K, V>> records;
  private final ClientIdentity consumer;
  private RecordProcessing current;

  TracingRecordIterator(Iterator<ConsumerRecord<K, V>> records, ClientIdentity consumer) {
    this.records = records;
    this.consumer = consumer;
  }

  @Override
  public boolean hasNext() {
    endCurrent();
    return records.hasNext();
  }

  @Override
  public ConsumerRecord<K, V> next() {
    endCurrent();
    ConsumerRecord<K, V> record = records.next();
    try {
      current = RecordProcessing.start(record, consumer);
    } catch (Throwable tracingFailed) {
      // the record is the application's whatever happens to its span
    }
    return record;
  }

  @Override
  public void loopLeft() {
    endCurrent();
  }

  @Override
  public void remove() {
    records.remove();
  }

  private void endCurrent() {
    RecordProcessing ending = current;
    current = null;
    if (ending != null) {
      try {
        ending.end();
      } catch (Throwable tracingFailed) {
        // never into the application's loop
      }
    }
  }
}
