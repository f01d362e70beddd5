package dev.weft.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class ServiceNamesTest {

  @Test
  void jarNameWithoutExtension() {
    assertEquals(
        "orders-service", ServiceNames.fromJavaCommand("/opt/app/orders-service.jar --port 8080"));
    assertEquals("app", ServiceNames.fromJavaCommand("app.jar"));
  }

  @Test
  void mainClassSimpleName() {
    assertEquals("TomcatApp", ServiceNames.fromJavaCommand("dev.weft.smoke.apps.TomcatApp a b"));
    assertEquals("Main", ServiceNames.fromJavaCommand("Main"));
  }

  @Test
  void nothingToGoOn() {
    assertNull(ServiceNames.fromJavaCommand(null));
    assertNull(ServiceNames.fromJavaCommand("  "));
    assertNull(ServiceNames.fromJavaCommand(".jar"));
  }
}
