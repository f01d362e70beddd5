package dev.weft.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.opentelemetry.common.ComponentLoader;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.common.export.HttpResponse;
import io.opentelemetry.sdk.common.export.HttpSender;
import io.opentelemetry.sdk.common.export.HttpSenderProvider;
import io.opentelemetry.sdk.common.export.MessageWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class LazySendersTest {

  private final AtomicInteger built = new AtomicInteger();
  private final AtomicInteger sent = new AtomicInteger();
  private final AtomicInteger shutDown = new AtomicInteger();

  /** A provider whose senders count what is done with them. */
  private final HttpSenderProvider counting =
      config -> {
        built.incrementAndGet();
        return new HttpSender() {
          @Override
          public void send(
              MessageWriter body, Consumer<HttpResponse> onResponse, Consumer<Throwable> onError) {
            sent.incrementAndGet();
          }

          @Override
          public CompletableResultCode shutdown() {
            shutDown.incrementAndGet();
            return CompletableResultCode.ofSuccess();
          }
        };
      };

  private HttpSender lazySender() {
    ComponentLoader only =
        new ComponentLoader() {
          @Override
          public <T> Iterable<T> load(Class<T> type) {
            return type == HttpSenderProvider.class ? List.of(type.cast(counting)) : List.of();
          }
        };
    HttpSenderProvider lazy = LazySenders.of(only).load(HttpSenderProvider.class).iterator().next();
    return lazy.createSender(null);
  }

  @Test
  void theClientIsBuiltOnTheFirstSendOnly() {
    HttpSender sender = lazySender();
    assertEquals(0, built.get());
    sender.send(null, response -> {}, error -> {});
    sender.send(null, response -> {}, error -> {});
    assertEquals(1, built.get());
    assertEquals(2, sent.get());
    assertTrue(sender.shutdown().isSuccess());
    assertEquals(1, shutDown.get());
  }

  @Test
  void aSenderNeverUsedIsNeverBuilt() {
    HttpSender sender = lazySender();
    assertTrue(sender.shutdown().isSuccess());
    List<Throwable> errors = new ArrayList<>();
    sender.send(null, response -> {}, errors::add);
    assertEquals(0, built.get());
    assertEquals(1, errors.size());
  }

  @Test
  void aSenderThatCannotBeBuiltFailsTheExport() {
    LazySenders.OnFirstUse<HttpSender> failing =
        new LazySenders.OnFirstUse<>(
            () -> {
              throw new IllegalArgumentException("no such proxy");
            });
    List<Throwable> errors = new ArrayList<>();
    assertEquals(null, failing.get(errors::add));
    assertEquals("no such proxy", errors.get(0).getMessage());
  }
}
