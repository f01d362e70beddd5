package dev.weft.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.opentelemetry.common.ComponentLoader;
import io.opentelemetry.sdk.common.export.GrpcSenderProvider;
import io.opentelemetry.sdk.common.export.HttpSenderProvider;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class HttpSendersTest {

  private final ComponentLoader agentServices =
      ComponentLoader.forClassLoader(HttpSendersTest.class.getClassLoader());

  @Test
  void theJdkSenderIsTheOnlyHttpSender() {
    assertEquals(
        List.of("io.opentelemetry.exporter.sender.jdk.internal.JdkHttpSenderProvider"),
        names(HttpSenders.preferringJdk(agentServices).load(HttpSenderProvider.class)));
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
