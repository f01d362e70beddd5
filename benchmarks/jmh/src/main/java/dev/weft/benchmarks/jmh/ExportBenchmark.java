package dev.weft.benchmarks.jmh;

import dev.weft.otlp.SinglePassSpanExporter;
import dev.weft.otlp.SpanBatchMarshaler;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.common.ComponentLoader;
import io.opentelemetry.context.Context;
import io.opentelemetry.exporter.internal.otlp.traces.LowAllocationTraceRequestMarshaler;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.sdk.common.export.HttpSenderProvider;
import io.opentelemetry.sdk.common.export.MemoryMode;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The export path's cost per span, as the agent's exporter threads pay it: one batch of {@value #BATCH} spans shaped
 * as the servlet benchmark's {@code /chain} makes them (a SERVER span, its CLIENT child and the SERVER span of the
 * call, with their attributes), marshaled to OTLP protobuf only ({@code marshal}), or exported with the SDK's OTLP/HTTP
 * exporter to a local receiver that reads each request and answers 200 at once ({@code export}, per memory mode
 * and HTTP sender), with the SDK's marshaler or Weft's ({@code marshaler}).
 * Results are per span.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ExportBenchmark {

  static final int BATCH = 2048;

  @Param({"reusable_data", "immutable_data"})
  public String memoryMode;

  /** The exporter's HTTP client: OkHttp (the exporter's default) or the JDK's {@code java.net.http}. */
  @Param({"okhttp", "jdk"})
  public String sender;

  /** The marshaler: the SDK's, or Weft's one-pass {@link SpanBatchMarshaler} as the agent sends with it. */
  @Param({"sdk", "weft"})
  public String marshaler;

  private List<SpanData> batch;
  private SpanExporter exporter;
  private final LowAllocationTraceRequestMarshaler sdkMarshaler =
      new LowAllocationTraceRequestMarshaler();
  private final SpanBatchMarshaler weftMarshaler = new SpanBatchMarshaler();
  private final OutputStream discard = OutputStream.nullOutputStream();
  private DiscardingReceiver receiver;

  @Setup
  public void setUp() throws IOException {
    batch = chainSpans(BATCH);
    receiver = DiscardingReceiver.start();
    OtlpHttpSpanExporter sdkExporter =
        OtlpHttpSpanExporter.builder()
            .setEndpoint("http://127.0.0.1:" + receiver.port() + "/v1/traces")
            .setMemoryMode(MemoryMode.valueOf(memoryMode.toUpperCase(Locale.ROOT)))
            .setComponentLoader(new OnlySender(sender))
            .build();
    exporter = marshaler.equals("weft") ? SinglePassSpanExporter.around(sdkExporter) : sdkExporter;
  }

  @TearDown
  public void tearDown() throws IOException {
    exporter.shutdown().join(10, TimeUnit.SECONDS);
    receiver.close();
  }

  /**
   * Marshals the batch as the reusable-data exporter does (or as Weft's marshaler does), into a stream that drops the
   * bytes.
   */
  @Benchmark
  @OperationsPerInvocation(BATCH)
  public void marshal() throws IOException {
    if (marshaler.equals("weft")) {
      weftMarshaler.initialize(batch);
      weftMarshaler.writeMessage(discard);
      weftMarshaler.reset();
    } else {
      sdkMarshaler.initialize(batch);
      sdkMarshaler.writeBinaryTo(discard);
      sdkMarshaler.reset();
    }
  }

  /** Marshals the batch and sends it over HTTP; returns once the receiver has answered. */
  @Benchmark
  @OperationsPerInvocation(BATCH)
  public boolean export() {
    return exporter.export(batch).join(10, TimeUnit.SECONDS).isSuccess();
  }

  /** {@code count} spans, three per trace, as one {@code /chain} request makes them. */
  static List<SpanData> chainSpans(int count) {
    InMemorySpanExporter exported = InMemorySpanExporter.create();
    SdkTracerProvider provider =
        SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(exported)).build();
    Tracer tracer = provider.get("dev.weft.servlet");
    for (int made = 0; made < count; made += 3) {
      io.opentelemetry.api.trace.Span server = serverSpan(tracer, "/chain", Context.root(), 51234L);
      io.opentelemetry.api.trace.Span client =
          tracer
              .spanBuilder("GET")
              .setParent(Context.root().with(server))
              .setSpanKind(SpanKind.CLIENT)
              .setAttribute("http.request.method", "GET")
              .setAttribute("url.full", "http://127.0.0.1:8080/hello")
              .setAttribute("server.address", "127.0.0.1")
              .setAttribute("server.port", 8080L)
              .setAttribute("network.protocol.version", "1.1")
              .startSpan();
      serverSpan(tracer, "/hello", Context.root().with(client), 51235L).end();
      client.setAttribute("http.response.status_code", 200L);
      client.end();
      server.end();
    }
    List<SpanData> spans = exported.getFinishedSpanItems(); // closing the provider would empty it
    provider.shutdown().join(10, TimeUnit.SECONDS);
    return new ArrayList<>(spans.subList(0, count));
  }

  private static io.opentelemetry.api.trace.Span serverSpan(
      Tracer tracer, String path, Context parent, long port) {
    return tracer
        .spanBuilder("GET " + path)
        .setParent(parent)
        .setSpanKind(SpanKind.SERVER)
        .setAttribute("http.request.method", "GET")
        .setAttribute("url.scheme", "http")
        .setAttribute("url.path", path)
        .setAttribute("server.address", "127.0.0.1")
        .setAttribute("server.port", 8080L)
        .setAttribute("network.peer.address", "127.0.0.1")
        .setAttribute("network.peer.port", port)
        .setAttribute("client.address", "127.0.0.1")
        .setAttribute("user_agent.original", "okhttp/4.12.0")
        .setAttribute("network.protocol.version", "1.1")
        .setAttribute("http.route", path)
        .setAttribute("http.response.status_code", 200L)
        .startSpan();
  }

  /** Finds only the HTTP sender whose provider's class name contains {@code name}. */
  private static final class OnlySender implements ComponentLoader {
    private final ComponentLoader all =
        ComponentLoader.forClassLoader(ExportBenchmark.class.getClassLoader());
    private final String name;

    OnlySender(String name) {
      this.name = name.equals("jdk") ? ".jdk." : ".okhttp.";
    }

    @Override
    public <T> Iterable<T> load(Class<T> type) {
      List<T> found = new ArrayList<>();
      for (T component : all.load(type)) {
        if (type != HttpSenderProvider.class || component.getClass().getName().contains(name)) {
          found.add(component);
        }
      }
      return found;
    }
  }

  /**
   * A bare HTTP/1.1 receiver: reads each request's headers and its {@code Content-Length} bytes of body, drops them
   * and answers 200 with an empty body at once, one thread per connection.
   */
  static final class DiscardingReceiver implements AutoCloseable {
    private static final byte[] OK =
        "HTTP/1.1 200 OK\r\nContent-Type: application/x-protobuf\r\nContent-Length: 0\r\n\r\n"
            .getBytes(StandardCharsets.US_ASCII);

    private final ServerSocket server;

    private DiscardingReceiver(ServerSocket server) {
      this.server = server;
    }

    static DiscardingReceiver start() throws IOException {
      DiscardingReceiver receiver =
          new DiscardingReceiver(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()));
      Thread acceptor = new Thread(receiver::accept, "discarding-receiver");
      acceptor.setDaemon(true);
      acceptor.start();
      return receiver;
    }

    int port() {
      return server.getLocalPort();
    }

    private void accept() {
      while (!server.isClosed()) {
        try {
          Socket socket = server.accept();
          socket.setTcpNoDelay(true);
          Thread connection = new Thread(() -> serve(socket), "discarding-receiver-connection");
          connection.setDaemon(true);
          connection.start();
        } catch (IOException closed) {
          return;
        }
      }
    }

    private static void serve(Socket socket) {
      byte[] buffer = new byte[64 * 1024];
      try (socket;
          InputStream in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
          OutputStream out = socket.getOutputStream()) {
        StringBuilder headers = new StringBuilder();
        while (true) {
          headers.setLength(0);
          int b;
          while ((b = in.read()) >= 0) {
            headers.append((char) b);
            if (headers.length() >= 4 && headers.lastIndexOf("\r\n\r\n") == headers.length() - 4) {
              break;
            }
          }
          if (b < 0) {
            return;
          }
          long left = contentLength(headers.toString());
          while (left > 0) {
            int read = in.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (read < 0) {
              return;
            }
            left -= read;
          }
          out.write(OK);
          out.flush();
        }
      } catch (IOException e) {
        // the exporter closed the connection
      }
    }

    private static long contentLength(String headers) {
      for (String line : headers.split("\r\n")) {
        int colon = line.indexOf(':');
        if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase("Content-Length")) {
          return Long.parseLong(line.substring(colon + 1).trim());
        }
      }
      return 0;
    }

    @Override
    public void close() throws IOException {
      server.close();
    }
  }
}
