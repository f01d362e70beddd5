package dev.weft.smoke.apps;

import dev.weft.smoke.support.UrlCaller;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * A Kafka consumer service: {@code KafkaWorker <bootstrap> <url> <topic>:<loop> ...}. Each topic gets a consumer
 * (group and client id {@code worker-<topic>}) on a thread of its own; each record it handles is a GET of
 * {@code <url>?record=<value>} with the JDK's HttpClient. The loop is one of the ways applications iterate a poll:
 * {@code for} (for-each), {@code forEach}, {@code topic} ({@code records(topic)}), {@code partition}
 * ({@code records(partition)} per partition), or {@code break} (handles the first record, leaves the loop with
 * {@code break}, then GETs {@code <url>?after-loop=<value>}). Prints {@code READY 0} once every consumer has its
 * partitions.
 */
public final class KafkaWorker {

  private final UrlCaller caller;

  private KafkaWorker(String url) {
    this.caller = new UrlCaller(url);
  }

  public static void main(String[] args) throws Exception {
    KafkaWorker worker = new KafkaWorker(args[1]);
    List<KafkaConsumer<String, String>> consumers = new ArrayList<>();
    CountDownLatch assigned = new CountDownLatch(args.length - 2);
    for (int i = 2; i < args.length; i++) {
      String[] topicAndLoop = args[i].split(":");
      KafkaConsumer<String, String> consumer = consumer(args[0], topicAndLoop[0]);
      consumers.add(consumer);
      Thread thread =
          new Thread(() -> worker.consume(consumer, topicAndLoop[0], topicAndLoop[1], assigned));
      thread.start();
    }
    Runtime.getRuntime()
        .addShutdownHook(new Thread(() -> consumers.forEach(KafkaConsumer::wakeup)));
    assigned.await();
    System.out.println("READY 0");
  }

  private static KafkaConsumer<String, String> consumer(String bootstrap, String topic) {
    Properties config = new Properties();
    config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    config.put(ConsumerConfig.GROUP_ID_CONFIG, "worker-" + topic);
    config.put(ConsumerConfig.CLIENT_ID_CONFIG, "worker-" + topic);
    config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    return new KafkaConsumer<>(config);
  }

  private void consume(
      KafkaConsumer<String, String> consumer, String topic, String loop, CountDownLatch assigned) {
    consumer.subscribe(
        List.of(topic),
        new ConsumerRebalanceListener() {
          @Override
          public void onPartitionsRevoked(Collection<TopicPartition> partitions) {}

          @Override
          public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            assigned.countDown();
          }
        });
    try {
      while (true) {
        ConsumerRecords<String, String> records = consumer.poll(Duration.ofMillis(100));
        handleAll(records, topic, loop);
      }
    } catch (WakeupException stopping) {
      consumer.close();
    }
  }

  private void handleAll(ConsumerRecords<String, String> records, String topic, String loop) {
    switch (loop) {
      case "for":
        for (ConsumerRecord<String, String> record : records) {
          handle(record);
        }
        break;
      case "forEach":
        records.forEach(this::handle);
        break;
      case "topic":
        for (ConsumerRecord<String, String> record : records.records(topic)) {
          handle(record);
        }
        break;
      case "partition":
        for (TopicPartition partition : records.partitions()) {
          for (ConsumerRecord<String, String> record : records.records(partition)) {
            handle(record);
          }
        }
        break;
      case "break":
        String first = null;
        for (ConsumerRecord<String, String> record : records) {
          handle(record);
          first = record.value();
          break;
        }
        if (first != null) {
          caller.get("after-loop", first);
        }
        break;
      default:
        throw new IllegalArgumentException("unknown loop " + loop);
    }
  }

  private void handle(ConsumerRecord<String, String> record) {
    caller.get("record", record.value());
    System.out.println("HANDLED " + record.topic() + " " + record.value());
  }
}
