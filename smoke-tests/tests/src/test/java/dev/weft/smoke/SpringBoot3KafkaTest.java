package dev.weft.smoke;

import java.nio.file.Path;

/** spring-kafka as Spring Boot 3.5 manages it (spring-kafka 3.3, kafka-clients 3.9). */
class SpringBoot3KafkaTest extends AbstractSpringKafkaTest {

  SpringBoot3KafkaTest() {
    super("boot3");
  }

  @Override
  Path applicationJar() {
    return Path.of(System.getProperty("weft.spring-kafka-app.jar"));
  }
}
