package dev.weft.smoke;

import java.nio.file.Path;

/** spring-kafka as Spring Boot 4.0 manages it (spring-kafka 4.0, kafka-clients 4.1). */
class SpringBoot4KafkaTest extends AbstractSpringKafkaTest {

  SpringBoot4KafkaTest() {
    super("boot4");
  }

  @Override
  Path applicationJar() {
    return Path.of(System.getProperty("weft.spring-kafka-boot4-app.jar"));
  }
}
