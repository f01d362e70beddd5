package dev.weft.demo;

import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Consumes the greetings topic and "mails" each greeting: prints {@code mailed <greeting> to <name>}. */
final class Mailer {

  private final KafkaConsumer<String, String> greetings;

  Mailer(String kafkaBootstrap) {
    Properties config = new Properties();
    config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafkaBootstrap);
    config.put(ConsumerConfig.GROUP_ID_CONFIG, "mailer");
    config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    greetings = new KafkaConsumer<>(config);
  }

  /** Runs until the JVM is stopped. */
  void run() {
    greetings.subscribe(List.of(DemoApp.TOPIC));
    System.out.println("READY 0");
    while (true) {
      for (ConsumerRecord<String, String> greeting : greetings.poll(Duration.ofMillis(200))) {
        System.out.println("mailed \"" + greeting.value() + "\" to " + greeting.key());
      }
    }
  }
}
