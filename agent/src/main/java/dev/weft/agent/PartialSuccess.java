package dev.weft.agent;

import io.opentelemetry.common.ComponentLoader;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.common.export.GrpcResponse;
import io.opentelemetry.sdk.common.export.GrpcSender;
import io.opentelemetry.sdk.common.export.GrpcSenderProvider;
import io.opentelemetry.sdk.common.export.GrpcStatusCode;
import io.opentelemetry.sdk.common.export.HttpResponse;
import io.opentelemetry.sdk.common.export.HttpSender;
import io.opentelemetry.sdk.common.export.HttpSenderProvider;
import io.opentelemetry.sdk.common.export.MessageWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Reads the OTLP/HTTP answer the SDK's exporter ignores: a collector that answers 200 may still have rejected some
 * of the spans ({@code ExportTraceServiceResponse.partial_success.rejected_spans}, with an {@code error_message}).
 * Those are counted as not delivered ({@link ExportAccounting#spansRejected}).
 *
 * <p>It is a wrapper around the exporter's sender, given to the exporter as the only {@link HttpSenderProvider}
 * (OTLP/HTTP) or {@link GrpcSenderProvider} (OTLP/gRPC, whose answer is the same message) its component loader
 * finds. The answer is read only when it has a body, which a collector that accepted everything usually leaves
 * empty.
 */
final class PartialSuccess {

  private PartialSuccess() {}

  /** Loads what {@code loader} does, with every HTTP sender reading partial successes into {@code accounting}. */
  static ComponentLoader readingInto(ExportAccounting accounting, ComponentLoader loader) {
    return new ComponentLoader() {
      @Override
      public <T> Iterable<T> load(Class<T> type) {
        if (type == GrpcSenderProvider.class) {
          List<T> providers = new ArrayList<>();
          for (T provider : loader.load(type)) {
            GrpcSenderProvider senders = (GrpcSenderProvider) provider;
            providers.add(
                type.cast(
                    (GrpcSenderProvider)
                        config -> reading(senders.createSender(config), accounting)));
          }
          return providers;
        }
        if (type != HttpSenderProvider.class) {
          return loader.load(type);
        }
        List<T> providers = new ArrayList<>();
        for (T provider : loader.load(type)) {
          HttpSenderProvider senders = (HttpSenderProvider) provider;
          providers.add(
              type.cast(
                  (HttpSenderProvider)
                      config -> {
                        HttpSender sender = senders.createSender(config);
                        boolean protobuf = config.getContentType().contains("protobuf");
                        return protobuf ? reading(sender, accounting) : sender;
                      }));
        }
        return providers;
      }
    };
  }

  private static HttpSender reading(HttpSender sender, ExportAccounting accounting) {
    return new HttpSender() {
      @Override
      public void send(
          MessageWriter body, Consumer<HttpResponse> onResponse, Consumer<Throwable> onError) {
        sender.send(
            body,
            response -> {
              int status = response.getStatusCode();
              if (status >= 200 && status < 300) {
                read(response.getResponseBody(), accounting);
              }
              onResponse.accept(response);
            },
            onError);
      }

      @Override
      public CompletableResultCode shutdown() {
        return sender.shutdown();
      }
    };
  }

  private static GrpcSender reading(GrpcSender sender, ExportAccounting accounting) {
    return new GrpcSender() {
      @Override
      public void send(
          MessageWriter body, Consumer<GrpcResponse> onResponse, Consumer<Throwable> onError) {
        sender.send(
            body,
            response -> {
              if (response.getStatusCode() == GrpcStatusCode.OK) {
                read(response.getResponseMessage(), accounting);
              }
              onResponse.accept(response);
            },
            onError);
      }

      @Override
      public CompletableResultCode shutdown() {
        return sender.shutdown();
      }
    };
  }

  private static void read(byte[] answer, ExportAccounting accounting) {
    if (answer != null && answer.length > 0) {
      Rejection rejection = Rejection.parse(answer);
      if (rejection != null && rejection.spans > 0) {
        accounting.spansRejected(rejection.spans, rejection.message);
      }
    }
  }

  /** {@code ExportTraceServiceResponse.partial_success}: field 1, {@code rejected_spans} 1, {@code error_message} 2. */
  static final class Rejection {
    final long spans;
    final String message;

    private Rejection(long spans, String message) {
      this.spans = spans;
      this.message = message;
    }

    /** @return the partial success in an {@code ExportTraceServiceResponse}, or null if it has none or is garbled */
    static Rejection parse(byte[] response) {
      try {
        ProtobufReader outer = new ProtobufReader(response, 0, response.length);
        while (outer.hasMore()) {
          int tag = (int) outer.varint();
          if (tag == (1 << 3 | 2)) {
            int length = (int) outer.varint();
            return parsePartialSuccess(
                new ProtobufReader(response, outer.position, outer.position + length));
          }
          outer.skip(tag & 7);
        }
        return null;
      } catch (IndexOutOfBoundsException | IllegalArgumentException e) {
        return null;
      }
    }

    private static Rejection parsePartialSuccess(ProtobufReader reader) {
      long spans = 0;
      String message = "";
      while (reader.hasMore()) {
        int tag = (int) reader.varint();
        if (tag == (1 << 3)) {
          spans = reader.varint();
        } else if (tag == (2 << 3 | 2)) {
          int length = (int) reader.varint();
          message = new String(reader.bytes, reader.position, length, StandardCharsets.UTF_8);
          reader.position += length;
        } else {
          reader.skip(tag & 7);
        }
      }
      return new Rejection(spans, message);
    }
  }

  /** Just enough of the protobuf wire format to walk a message's fields. */
  private static final class ProtobufReader {
    final byte[] bytes;
    int position;
    final int end;

    ProtobufReader(byte[] bytes, int position, int end) {
      if (end > bytes.length || position > end) {
        throw new IndexOutOfBoundsException();
      }
      this.bytes = bytes;
      this.position = position;
      this.end = end;
    }

    boolean hasMore() {
      return position < end;
    }

    long varint() {
      long value = 0;
      for (int shift = 0; shift < 64; shift += 7) {
        if (position >= end) {
          throw new IndexOutOfBoundsException();
        }
        byte b = bytes[position++];
        value |= (long) (b & 0x7f) << shift;
        if (b >= 0) {
          return value;
        }
      }
      throw new IllegalArgumentException("malformed varint");
    }

    void skip(int wireType) {
      switch (wireType) {
        case 0:
          varint();
          break;
        case 1:
          position += 8;
          break;
        case 2:
          position += (int) varint();
          break;
        case 5:
          position += 4;
          break;
        default:
          throw new IllegalArgumentException("wire type " + wireType);
      }
      if (position > end) {
        throw new IndexOutOfBoundsException();
      }
    }
  }
}
