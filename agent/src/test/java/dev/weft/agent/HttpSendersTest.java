package dev.weft.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.common.ComponentLoader;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.common.export.GrpcSenderProvider;
import io.opentelemetry.sdk.common.export.HttpSenderProvider;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class HttpSendersTest {

  private final ComponentLoader agentServices =
      ComponentLoader.forClassLoader(HttpSendersTest.class.getClassLoader());

  /** Only the JDK's sender is left, and it exports to a plain-http collector (with its unused TLS context). */
  @Test
  void theJdkSenderIsTheOnlyHttpSenderAndSendsPlainHttp() throws Exception {
    List<String> senders =
        names(HttpSenders.preferringJdk(agentServices).load(HttpSenderProvider.class));
    assertEquals(1, senders.size(), senders.toString());
    assertTrue(names(agentServices.load(HttpSenderProvider.class)).size() > 1);
    // the JDK's provider behind the one that gives a plain-http endpoint the unused TLS context
    assertTrue(senders.get(0).startsWith(HttpSenders.class.getName()), senders.toString());

    HttpServer collector = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    BlockingQueue<String> requests = new LinkedBlockingQueue<>();
    collector.createContext(
        "/v1/traces",
        exchange -> {
          requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath());
          exchange.getRequestBody().readAllBytes();
          exchange.sendResponseHeaders(200, -1);
          exchange.close();
        });
    collector.start();
    OtlpHttpSpanExporter exporter =
        OtlpHttpSpanExporter.builder()
            .setEndpoint("http://127.0.0.1:" + collector.getAddress().getPort() + "/v1/traces")
            .setComponentLoader(HttpSenders.preferringJdk(agentServices))
            .build();
    try {
      CompletableResultCode result = exporter.export(TestSpans.spans(3));
      assertTrue(result.join(10, TimeUnit.SECONDS).isSuccess());
      assertEquals("POST /v1/traces", requests.poll(10, TimeUnit.SECONDS));
    } finally {
      exporter.shutdown().join(10, TimeUnit.SECONDS);
      collector.stop(0);
    }
  }

  @Test
  void grpcKeepsOkHttp() {
    List<String> senders =
        names(HttpSenders.preferringJdk(agentServices).load(GrpcSenderProvider.class));
    assertEquals(names(agentServices.load(GrpcSenderProvider.class)), senders);
    assertTrue(senders.stream().anyMatch(name -> name.contains(".okhttp.")), senders.toString());
  }

  @Test
  void withoutTheJdkSenderOkHttpStays() {
    ComponentLoader okHttpOnly =
        new ComponentLoader() {
          @Override
          public <T> Iterable<T> load(Class<T> type) {
            List<T> found = new ArrayList<>();
            for (T component : agentServices.load(type)) {
              if (!component.getClass().getName().contains(".jdk.")) {
                found.add(component);
              }
            }
            return found;
          }
        };
    List<String> senders =
        names(HttpSenders.preferringJdk(okHttpOnly).load(HttpSenderProvider.class));
    assertEquals(names(okHttpOnly.load(HttpSenderProvider.class)), senders);
    assertTrue(senders.stream().anyMatch(name -> name.contains(".okhttp.")), senders.toString());
  }

  private static <T> List<String> names(Iterable<T> components) {
    List<String> names = new ArrayList<>();
    components.forEach(component -> names.add(component.getClass().getName()));
    return names;
  }
}
