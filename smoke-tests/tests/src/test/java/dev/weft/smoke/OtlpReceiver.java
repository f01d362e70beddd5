package dev.weft.smoke;

import com.google.protobuf.InvalidProtocolBufferException;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.grpc.MethodDescriptor;
import io.grpc.Server;
import io.grpc.ServerServiceDefinition;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.protobuf.ProtoUtils;
import io.grpc.stub.ServerCalls;
import io.opentelemetry.proto.collector.trace.v1.ExportTracePartialSuccess;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * An OTLP trace receiver inside the test: OTLP/HTTP (protobuf), and gRPC when asked. It keeps every span it receives and lets a test wait
 * for the spans it expects. Tests drive a few requests each, so the JDK's HTTP server is fast enough here. Each
 * export is received on a thread of its own, so that exports sent at once are received at once, as by a collector.
 */
final class OtlpReceiver implements AutoCloseable {

  private static final String GRPC_SERVICE = "opentelemetry.proto.collector.trace.v1.TraceService";

  private final HttpServer server;
  private final ExecutorService exportThreads = Executors.newCachedThreadPool();
  private Server grpcServer;
  private final List<ReceivedSpan> spans = new ArrayList<>();
  private volatile int answerStatus = 200;
  private volatile long answerDelayMillis;

  /** While set, every export waits for it before it is answered: a collector that has stopped answering. */
  private volatile CountDownLatch held;

  /** Exports to refuse with {@link #refusalStatus} and {@link #refusalRetryAfter} before answering normally. */
  private final AtomicInteger refusalsLeft = new AtomicInteger();

  private volatile int refusalStatus;
  private volatile String refusalRetryAfter;
  private volatile byte[] acceptedAnswer =
      ExportTraceServiceResponse.getDefaultInstance().toByteArray();
  private final AtomicInteger exportsUnderWay = new AtomicInteger();
  private final AtomicInteger mostExportsUnderWay = new AtomicInteger();
  private int exportRequests;

  OtlpReceiver() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/v1/traces", this::receive);
    server.setExecutor(exportThreads);
    server.start();
  }

  String endpoint() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** Makes the receiver refuse every export with this HTTP status, as a failing collector would. */
  void answerWith(int status) {
    answerStatus = status;
  }

  /** Makes the receiver take this long over every export: a collector that keeps up, but only just. */
  void answerAfter(Duration delay) {
    answerDelayMillis = delay.toMillis();
  }

  /** Makes every export wait, unanswered, until {@link #answerHeldExports()}. */
  void holdExports() {
    held = new CountDownLatch(1);
  }

  void answerHeldExports() {
    CountDownLatch latch = held;
    held = null;
    latch.countDown();
  }

  /**
   * Makes the receiver refuse the next {@code exports} exports with {@code status}, with a {@code Retry-After}
   * header of {@code retryAfter} (none when null), as an overloaded collector does.
   */
  void refuseNext(int exports, int status, String retryAfter) {
    refusalStatus = status;
    refusalRetryAfter = retryAfter;
    refusalsLeft.set(exports);
  }

  /** Makes the receiver answer every export it accepts with a partial success: some spans rejected. */
  void answerPartialSuccess(long rejectedSpans, String message) {
    acceptedAnswer =
        ExportTraceServiceResponse.newBuilder()
            .setPartialSuccess(
                ExportTracePartialSuccess.newBuilder()
                    .setRejectedSpans(rejectedSpans)
                    .setErrorMessage(message))
            .build()
            .toByteArray();
  }

  /** The most exports this receiver has had under way at once. */
  int mostExportsUnderWay() {
    return mostExportsUnderWay.get();
  }

  /** Exports received and not answered yet. */
  int exportsUnderWay() {
    return exportsUnderWay.get();
  }

  private void receive(HttpExchange exchange) throws IOException {
    mostExportsUnderWay.accumulateAndGet(exportsUnderWay.incrementAndGet(), Math::max);
    Answer answer;
    try {
      answer = answer(exchange);
    } finally {
      // before the answer leaves: the exporter may send its next export as soon as it has it
      exportsUnderWay.decrementAndGet();
    }
    if (answer.retryAfter != null) {
      exchange.getResponseHeaders().add("Retry-After", answer.retryAfter);
    }
    exchange.getResponseHeaders().add("Content-Type", "application/x-protobuf");
    exchange.sendResponseHeaders(answer.status, answer.body.length == 0 ? -1 : answer.body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(answer.body);
    }
  }

  /** What an export is answered, once the receiver is done with it. */
  private static final class Answer {
    final int status;
    final String retryAfter;
    final byte[] body;

    Answer(int status, String retryAfter, byte[] body) {
      this.status = status;
      this.retryAfter = retryAfter;
      this.body = body;
    }
  }

  private Answer answer(HttpExchange exchange) throws IOException {
    byte[] body;
    try (InputStream in = exchange.getRequestBody()) {
      body = in.readAllBytes();
    }
    CountDownLatch latch = held;
    if (latch != null) {
      try {
        latch.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    if (refusalsLeft.getAndUpdate(left -> Math.max(0, left - 1)) > 0) {
      synchronized (this) {
        exportRequests++;
      }
      return new Answer(refusalStatus, refusalRetryAfter, new byte[0]);
    }
    if (answerDelayMillis > 0) {
      try {
        Thread.sleep(answerDelayMillis); // the collector's own work, simulated
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    int status = answerStatus;
    if (status != 200) {
      synchronized (this) {
        exportRequests++;
      }
      return new Answer(status, null, new byte[0]);
    }
    store(ExportTraceServiceRequest.parseFrom(body));
    return new Answer(200, null, acceptedAnswer);
  }

  private void store(ExportTraceServiceRequest request) {
    List<ReceivedSpan> received = new ArrayList<>();
    for (ResourceSpans resourceSpans : request.getResourceSpansList()) {
      for (ScopeSpans scopeSpans : resourceSpans.getScopeSpansList()) {
        for (Span span : scopeSpans.getSpansList()) {
          received.add(ReceivedSpan.of(span, resourceSpans.getResource().getAttributesList()));
        }
      }
    }
    synchronized (this) {
      exportRequests++;
      spans.addAll(received);
      notifyAll();
    }
  }

  /** Also receives OTLP over gRPC, on the endpoint this returns. */
  String startGrpc() throws IOException {
    MethodDescriptor<ExportTraceServiceRequest, ExportTraceServiceResponse> export =
        MethodDescriptor.<ExportTraceServiceRequest, ExportTraceServiceResponse>newBuilder()
            .setType(MethodDescriptor.MethodType.UNARY)
            .setFullMethodName(MethodDescriptor.generateFullMethodName(GRPC_SERVICE, "Export"))
            .setRequestMarshaller(
                ProtoUtils.marshaller(ExportTraceServiceRequest.getDefaultInstance()))
            .setResponseMarshaller(
                ProtoUtils.marshaller(ExportTraceServiceResponse.getDefaultInstance()))
            .build();
    grpcServer =
        NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
            .addService(
                ServerServiceDefinition.builder(GRPC_SERVICE)
                    .addMethod(
                        export,
                        ServerCalls.asyncUnaryCall(
                            (request, response) -> {
                              store(request);
                              try {
                                response.onNext(
                                    ExportTraceServiceResponse.parseFrom(acceptedAnswer));
                              } catch (InvalidProtocolBufferException e) {
                                throw new IllegalStateException(e);
                              }
                              response.onCompleted();
                            }))
                    .build())
            .build()
            .start();
    return "http://127.0.0.1:" + grpcServer.getPort();
  }

  /** Waits until {@code count} received spans match, and returns them; fails after {@code timeout}. */
  synchronized List<ReceivedSpan> await(
      Predicate<ReceivedSpan> matching, int count, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      List<ReceivedSpan> found = matching(matching);
      if (found.size() >= count) {
        return found;
      }
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw new AssertionError(
            "expected " + count + " matching spans, got " + found + "; all received: " + spans);
      }
      wait(Math.max(1, left / 1_000_000));
    }
  }

  /** The one span that matches, waiting up to 20 s for it. */
  ReceivedSpan awaitOne(Predicate<ReceivedSpan> matching) throws InterruptedException {
    return await(matching, 1, Duration.ofSeconds(20)).get(0);
  }

  synchronized List<ReceivedSpan> matching(Predicate<ReceivedSpan> matching) {
    List<ReceivedSpan> found = new ArrayList<>();
    for (ReceivedSpan span : spans) {
      if (matching.test(span)) {
        found.add(span);
      }
    }
    return found;
  }

  synchronized List<ReceivedSpan> all() {
    return new ArrayList<>(spans);
  }

  synchronized int exportRequests() {
    return exportRequests;
  }

  @Override
  public void close() {
    CountDownLatch latch = held;
    if (latch != null) {
      latch.countDown();
    }
    server.stop(0);
    exportThreads.shutdownNow();
    if (grpcServer != null) {
      grpcServer.shutdownNow();
    }
  }
}
