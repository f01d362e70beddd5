package dev.weft.smoke.spring;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;

/**
 * A small Spring Boot application in the shape of the PetClinic sample: the same source is built against several
 * Spring Boot versions (the spring-boot-*-app modules), each an executable jar the smoke tests run under the agent.
 * It serves on a free port and prints {@code READY <port>} when it is ready.
 */
@SpringBootApplication
public class PetClinicApp {

  public static void main(String[] args) {
    SpringApplication.run(PetClinicApp.class, args);
  }

  @EventListener
  public void ready(ApplicationReadyEvent event) {
    Environment environment = event.getApplicationContext().getEnvironment();
    System.out.println("READY " + environment.getProperty("local.server.port"));
  }
}
