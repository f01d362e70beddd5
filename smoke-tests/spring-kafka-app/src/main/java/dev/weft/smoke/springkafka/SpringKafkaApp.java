package dev.weft.smoke.springkafka;

import java.time.Duration;
import java.time.Instant;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;

/**
 * A Spring Boot service whose spring-kafka listeners ({@link Listeners}) make an HTTP call per record they handle.
 * Run as {@code java -jar app.jar --spring.kafka.bootstrap-servers=HOST:PORT --weft.call-url=URL
 * --weft.topic-prefix=P}; prints {@code READY 0} once every listener container has its partitions.
 */
@SpringBootApplication
public class SpringKafkaApp {

  public static void main(String[] args) throws InterruptedException {
    ConfigurableApplicationContext context = SpringApplication.run(SpringKafkaApp.class, args);
    KafkaListenerEndpointRegistry registry = context.getBean(KafkaListenerEndpointRegistry.class);
    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    while (!allAssigned(registry) && Instant.now().isBefore(deadline)) {
      Thread.sleep(50);
    }
    System.out.println("READY 0");
  }

  private static boolean allAssigned(KafkaListenerEndpointRegistry registry) {
    for (MessageListenerContainer container : registry.getAllListenerContainers()) {
      if (container.getAssignedPartitions() == null
          || container.getAssignedPartitions().isEmpty()) {
        return false;
      }
    }
    return true;
  }
}
