package dev.weft.benchmarks.kafka;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Fills a topic before the consumers are measured, without an agent:
 * {@code ProduceRecords <bootstrap servers> <topic> <records> <traceparent or ->}. Every record has a 100-byte value
 * and no key; with a traceparent, each carries it as its {@code traceparent} header, so the consumer's spans of all
 * records belong to that one trace and can be counted.
 */
public final class ProduceRecords {

  private static final int VALUE_BYTES = 100;

  private ProduceRecords() {}

  public static void main(String[] arguments) throws Exception {
    String bootstrapServers = arguments[0];
    String topic = arguments[1];
    int records = Integer.parseInt(arguments[2]);
    byte[] traceparent =
        arguments[3].equals("-") ? null : arguments[3].getBytes(StandardCharsets.US_ASCII);
    Properties config = new Properties();
    config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    config.put(ProducerConfig.LINGER_MS_CONFIG, "20");
    config.put(ProducerConfig.BATCH_SIZE_CONFIG, Integer.toString(256 * 1024));
    byte[] value = new byte[VALUE_BYTES];
    Arrays.fill(value, (byte) 'x');
    try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(config)) {
      for (int i = 0; i < records; i++) {
        ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(topic, null, value);
        if (traceparent != null) {
          record.headers().add("traceparent", traceparent);
        }
        producer.send(record);
      }
      producer.flush();
    }
  }
}
