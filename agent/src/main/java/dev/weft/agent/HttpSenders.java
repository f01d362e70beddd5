package dev.weft.agent;

import io.opentelemetry.common.ComponentLoader;
import io.opentelemetry.sdk.common.export.HttpSenderProvider;
import java.util.ArrayList;
import java.util.List;

/**
 * Makes the OTLP exporter send {@code http/protobuf} with the JDK's {@code java.net.http} client (the SDK's {@code
 * opentelemetry-exporter-sender-jdk}) rather than OkHttp, which stays in the agent for gRPC only: the JDK client
 * cannot read HTTP trailers.
 *
 * <p>Why: OkHttp leaves Nagle's algorithm on and writes a request's headers and body apart, so each export waits for
 * the collector's delayed ACK (about 40 ms on Linux) whatever its size, and every export slot carries a fraction of
 * what it could; the JDK client sets {@code TCP_NODELAY}. And with OTLP over HTTP, OkHttp, Okio and the Kotlin
 * library they need (about 290 classes) are never loaded. On plain {@code http} the JDK client offers an h2c
 * upgrade with the first request of a connection; a collector that does not take it (the OpenTelemetry Collector's
 * Go server, Jetty without h2c) answers in HTTP/1.1 on the same connection.
 *
 * <p>For a plain {@code http} endpoint the JDK client gets a TLS context that is never used ({@link
 * PlainHttpSenderConfig}) instead of building the JVM's default one, trust store and all.
 *
 * <p>Chosen here, on the component loader the SDK's autoconfigure and the exporters find their services with, so
 * that no OkHttp client is ever built for HTTP. An extension's own HTTP sender is left in place.
 */
final class HttpSenders {

  private static final String OKHTTP_SENDER_PACKAGE = "io.opentelemetry.exporter.sender.okhttp.";
  private static final String JDK_SENDER_PACKAGE = "io.opentelemetry.exporter.sender.jdk.";

  private HttpSenders() {}

  /** Loads what {@code loader} does, without OkHttp's HTTP sender when the JDK's is there. */
  static ComponentLoader preferringJdk(ComponentLoader loader) {
    return new ComponentLoader() {
      @Override
      public <T> Iterable<T> load(Class<T> type) {
        Iterable<T> all = loader.load(type);
        if (type != HttpSenderProvider.class || !any(all, JDK_SENDER_PACKAGE)) {
          return all;
        }
        List<T> preferred = new ArrayList<>();
        for (T provider : all) {
          if (!provider.getClass().getName().startsWith(OKHTTP_SENDER_PACKAGE)) {
            preferred.add(provider);
          }
        }
        if (preferred.size() != 1) {
          // several providers are told apart by class name, which a wrapper would hide
          return preferred;
        }
        HttpSenderProvider jdk = (HttpSenderProvider) preferred.get(0);
        HttpSenderProvider withoutUnusedTls =
            config -> jdk.createSender(PlainHttpSenderConfig.of(config));
        return List.of(type.cast(withoutUnusedTls));
      }
    };
  }

  private static boolean any(Iterable<?> providers, String packagePrefix) {
    for (Object provider : providers) {
      if (provider.getClass().getName().startsWith(packagePrefix)) {
        return true;
      }
    }
    return false;
  }
}
