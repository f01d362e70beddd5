package dev.weft.benchmarks.kafka;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * The consumer measured: {@code ConsumeLoop <bootstrap servers> <topic> <records> <group>}, a plain poll loop that
 * reads the topic from its start in a group of its own until it has seen {@code records} records, touching each
 * record's value as an application would. It prints {@code first record} when the first records arrive and {@code
 * consumed <records> <wall nanoseconds>} after the last, so that whoever runs it reads the process's CPU time (every
 * thread, the agent's exporter and the JIT compilers included) at those two points, leaving out start-up, joining the
 * group and the final flush at exit; after the {@code consumed} line it waits for its stdin to end before it closes
 * the consumer and exits.
 */
public final class ConsumeLoop {

  private ConsumeLoop() {}

  public static void main(String[] arguments) throws IOException {
    String bootstrapServers = arguments[0];
    String topic = arguments[1];
    long wanted = Long.parseLong(arguments[2]);
    Properties config = new Properties();
    config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    config.put(ConsumerConfig.GROUP_ID_CONFIG, arguments[3]);
    config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    config.put(
        ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    long consumed = 0;
    long checksum = 0;
    long wallAtFirst = 0;
    try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config)) {
      consumer.subscribe(List.of(topic));
      while (consumed < wanted) {
        ConsumerRecords<byte[], byte[]> records = consumer.poll(Duration.ofMillis(500));
        if (consumed == 0 && !records.isEmpty()) {
          wallAtFirst = System.nanoTime();
          System.out.println("first record");
        }
        for (ConsumerRecord<byte[], byte[]> record : records) {
          checksum += record.value().length;
          consumed++;
        }
      }
      long wall = System.nanoTime() - wallAtFirst;
      System.out.println("consumed " + consumed + " " + wall + " (checksum " + checksum + ")");
      System.in.transferTo(OutputStream.nullOutputStream());
    }
  }
}
