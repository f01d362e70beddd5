package dev.weft.agent;

import io.opentelemetry.common.ComponentLoader;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.common.export.GrpcResponse;
import io.opentelemetry.sdk.common.export.GrpcSender;
import io.opentelemetry.sdk.common.export.GrpcSenderProvider;
import io.opentelemetry.sdk.common.export.HttpResponse;
import io.opentelemetry.sdk.common.export.HttpSender;
import io.opentelemetry.sdk.common.export.HttpSenderProvider;
import io.opentelemetry.sdk.common.export.MessageWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Makes the HTTP and gRPC senders the exporters get build their client on their first send rather than when the
 * exporter is built (when one provider of each is found, as in the agent's own jar).
 *
 * <p>Why: the JDK's HTTP client loads about 300 {@code java.net.http} classes (and, for an {@code https} endpoint,
 * about 200 security classes for its TLS context) and starts a selector thread: some 400 ms of the SDK's start-up
 * on two cores, which every
 * advice waits for ({@link TracingGate}). The first export comes seconds later ({@code otel.bsp.schedule.delay}), on
 * the batch span processor's thread, where building it makes no application thread wait. An exporter built and then
 * replaced without sending (as {@link ExportPipeline} replaces the one autoconfigure builds) never builds a client.
 *
 * <p>A sender that cannot be built fails each export it is given, as a failed request would; the exporter and {@link
 * ExportAccounting} report it.
 */
final class LazySenders {

  private LazySenders() {}

  /** Loads what {@code loader} does, with each HTTP or gRPC sender provider's senders built on first use. */
  static ComponentLoader of(ComponentLoader loader) {
    return new ComponentLoader() {
      @Override
      public <T> Iterable<T> load(Class<T> type) {
        if (type != HttpSenderProvider.class && type != GrpcSenderProvider.class) {
          return loader.load(type);
        }
        List<T> providers = new ArrayList<>();
        loader.load(type).forEach(providers::add);
        if (providers.size() != 1) {
          // the SDK tells several providers apart by class name (and lets a system property choose
          // one), which wrappers of one class would hide: an extension's sender beside ours builds
          // its client at start
          return providers;
        }
        T provider = providers.get(0);
        return List.of(
            type.cast(
                type == HttpSenderProvider.class
                    ? http((HttpSenderProvider) provider)
                    : grpc((GrpcSenderProvider) provider)));
      }
    };
  }

  private static HttpSenderProvider http(HttpSenderProvider provider) {
    return config -> {
      OnFirstUse<HttpSender> sender = new OnFirstUse<>(() -> provider.createSender(config));
      return new HttpSender() {
        @Override
        public void send(
            MessageWriter body, Consumer<HttpResponse> onResponse, Consumer<Throwable> onError) {
          HttpSender built = sender.get(onError);
          if (built != null) {
            built.send(body, onResponse, onError);
          }
        }

        @Override
        public CompletableResultCode shutdown() {
          return sender.shutdown(HttpSender::shutdown);
        }
      };
    };
  }

  private static GrpcSenderProvider grpc(GrpcSenderProvider provider) {
    return config -> {
      OnFirstUse<GrpcSender> sender = new OnFirstUse<>(() -> provider.createSender(config));
      return new GrpcSender() {
        @Override
        public void send(
            MessageWriter body, Consumer<GrpcResponse> onResponse, Consumer<Throwable> onError) {
          GrpcSender built = sender.get(onError);
          if (built != null) {
            built.send(body, onResponse, onError);
          }
        }

        @Override
        public CompletableResultCode shutdown() {
          return sender.shutdown(GrpcSender::shutdown);
        }
      };
    };
  }

  /** A sender built the first time it is asked for, unless shut down before. */
  static final class OnFirstUse<S> {
    private final Supplier<S> build;
    private volatile S sender;
    private boolean shutDown;

    OnFirstUse(Supplier<S> build) {
      this.build = build;
    }

    /**
     * @return the sender, built now if this is the first call; null when it is shut down or cannot be built, which
     *     {@code onError} has been told
     */
    S get(Consumer<Throwable> onError) {
      S built = sender;
      if (built != null) {
        return built;
      }
      Throwable failure;
      synchronized (this) {
        if (sender != null) {
          return sender;
        }
        if (shutDown) {
          failure = new IllegalStateException("the sender is shut down");
        } else {
          try {
            sender = build.get();
            return sender;
          } catch (RuntimeException | LinkageError e) {
            failure = e;
          }
        }
      }
      onError.accept(failure); // outside the lock: the exporter completes its result in it
      return null;
    }

    /** Shuts the sender down if it was built; no later send builds one. */
    synchronized CompletableResultCode shutdown(Function<S, CompletableResultCode> shutdown) {
      shutDown = true;
      return sender == null ? CompletableResultCode.ofSuccess() : shutdown.apply(sender);
    }
  }
}
