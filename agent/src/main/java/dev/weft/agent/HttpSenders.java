package dev.weft.agent;

import io.opentelemetry.common.ComponentLoader;
import io.opentelemetry.sdk.common.export.HttpSenderProvider;
import java.util.ArrayList;
import java.util.List;

/**
 * Picks the JDK's {@code java.net.http} client to send OTLP over {@code http/protobuf}, where the exporter would
 * otherwise take OkHttp (both are in the agent; gRPC needs OkHttp, which reads HTTP trailers).
 *
 * <p>OkHttp leaves Nagle's algorithm on: the last small piece of each request waits for the collector to acknowledge
 * the previous one, which a collector's TCP stack delays by up to 40 ms (measured: 44 ms per export on loopback,
 * whether it holds 64 spans or 2,048; {@code ExportBenchmark}), so every export holds its spans that much longer and
 * each export slot carries a fraction of what it could. The JDK client sets {@code TCP_NODELAY}. Choosing it here,
 * before the exporter is made, also keeps OkHttp and the Kotlin library it needs out of memory unless gRPC is used.
 */
final class HttpSenders {

  private static final String JDK_SENDER_PACKAGE = "io.opentelemetry.exporter.sender.jdk.";

  private HttpSenders() {}

  /** Loads what {@code loader} does, with the JDK sender as the only HTTP sender when it is there. */
  static ComponentLoader preferringJdk(ComponentLoader loader) {
    return new ComponentLoader() {
      @Override
      public <T> Iterable<T> load(Class<T> type) {
        Iterable<T> all = loader.load(type);
        if (type != HttpSenderProvider.class) {
          return all;
        }
        List<T> jdk = new ArrayList<>();
        List<T> others = new ArrayList<>();
        for (T provider : all) {
          (provider.getClass().getName().startsWith(JDK_SENDER_PACKAGE) ? jdk : others).add(provider);
        }
        return jdk.isEmpty() ? others : jdk;
      }
    };
  }
}
