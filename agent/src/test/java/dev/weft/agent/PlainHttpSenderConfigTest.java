package dev.weft.agent;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.opentelemetry.sdk.common.export.HttpSenderConfig;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;

class PlainHttpSenderConfigTest {

  /** A sender configuration with this endpoint and TLS context; every other setting a fixed timeout. */
  private static HttpSenderConfig config(String endpoint, SSLContext tls) {
    return (HttpSenderConfig)
        Proxy.newProxyInstance(
            HttpSenderConfig.class.getClassLoader(),
            new Class<?>[] {HttpSenderConfig.class},
            (proxy, method, arguments) -> {
              switch (method.getName()) {
                case "getEndpoint":
                  return URI.create(endpoint);
                case "getSslContext":
                  return tls;
                default:
                  return Duration.ofSeconds(7);
              }
            });
  }

  @Test
  void aPlainHttpEndpointGetsTheUnusedTlsContextAndKeepsTheRest() {
    HttpSenderConfig plain =
        PlainHttpSenderConfig.of(config("http://collector:4318/v1/traces", null));
    assertSame(PlainHttpSenderConfig.UnusedTlsContext.INSTANCE, plain.getSslContext());
    assertEquals(URI.create("http://collector:4318/v1/traces"), plain.getEndpoint());
    assertEquals(Duration.ofSeconds(7), plain.getTimeout());
    assertEquals(Duration.ofSeconds(7), plain.getConnectTimeout());
  }

  @Test
  void httpsAndTheUsersOwnContextAreLeftAlone() throws Exception {
    HttpSenderConfig https = config("https://collector:4318/v1/traces", null);
    assertSame(https, PlainHttpSenderConfig.of(https));
    HttpSenderConfig own = config("http://collector:4318/v1/traces", SSLContext.getInstance("TLS"));
    assertSame(own, PlainHttpSenderConfig.of(own));
  }

  /** The client asks for default parameters only; a TLS connection would be refused, not made untrusted. */
  @Test
  void theUnusedContextGivesParametersAndRefusesConnections() {
    SSLContext unused = PlainHttpSenderConfig.UnusedTlsContext.INSTANCE;
    assertNotNull(unused.getDefaultSSLParameters().getProtocols());
    // Java 11's HttpClient iterates over these while it is built
    assertNotNull(unused.getSupportedSSLParameters().getProtocols());
    assertThrows(UnsupportedOperationException.class, unused::createSSLEngine);
    assertThrows(UnsupportedOperationException.class, unused::getSocketFactory);
  }

  /** Every setting reaches the sender, a default method of a newer SDK included: only the TLS context differs. */
  @Test
  void everySettingIsForwarded() {
    for (Method method : HttpSenderConfig.class.getMethods()) {
      assertDoesNotThrow(
          () ->
              PlainHttpSenderConfig.class.getDeclaredMethod(
                  method.getName(), method.getParameterTypes()),
          method.toString());
    }
  }
}
