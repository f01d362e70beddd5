package dev.weft.benchmarks.harness;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.AbstractHandler;

/**
 * An OTLP/HTTP receiver ({@code POST /v1/traces}, uncompressed protobuf: both agents' default) that counts the
 * spans it gets per trace id and answers at once, or after a delay set for the slow-collector phases (each export
 * waits on a thread of its own, so concurrent exports overlap as they would at a real collector). Built on Jetty, whose connections set TCP_NODELAY and whose answer
 * (headers only) leaves in one write: a receiver that writes its answer in pieces without TCP_NODELAY, as the JDK's
 * {@code com.sun.net.httpserver} does, lets loopback delayed ACKs stall every export by about 40 ms, which caps an
 * exporter at about 20k spans/s and makes an agent that then drops spans look cheaper than it is.
 */
final class SpanSink implements AutoCloseable {

  private final Map<TraceId, LongAdder> spansByTrace = new ConcurrentHashMap<>();
  private final Server server = new Server();
  private final ServerConnector connector = new ServerConnector(server);
  private volatile long answerDelayMillis;

  private SpanSink() {}

  static SpanSink start() throws Exception {
    return start(0);
  }

  /** A sink on {@code port} (0: any free port), as a collector back after an outage is on its old one. */
  static SpanSink start(int port) throws Exception {
    SpanSink sink = new SpanSink();
    sink.connector.setHost("127.0.0.1");
    sink.connector.setPort(port);
    sink.connector.setAcceptedTcpNoDelay(true);
    sink.server.addConnector(sink.connector);
    sink.server.setHandler(sink.new Receiver());
    sink.server.start();
    return sink;
  }

  /** The base URL to give as {@code otel.exporter.otlp.endpoint}. */
  String endpoint() {
    return "http://127.0.0.1:" + connector.getLocalPort();
  }

  /** From now on, each export is answered {@code delay} after it arrived ({@link Duration#ZERO}: at once). */
  void answerAfter(Duration delay) {
    answerDelayMillis = delay.toMillis();
  }

  long spans(TraceId trace) {
    LongAdder spans = spansByTrace.get(trace);
    return spans == null ? 0 : spans.sum();
  }

  @Override
  public void close() throws Exception {
    server.stop();
  }

  private final class Receiver extends AbstractHandler {
    @Override
    public void handle(
        String target, Request base, HttpServletRequest request, HttpServletResponse response)
        throws IOException {
      base.setHandled(true);
      if (!"POST".equals(request.getMethod()) || !"/v1/traces".equals(target)) {
        response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        return;
      }
      byte[] body = request.getInputStream().readAllBytes();
      long delay = answerDelayMillis;
      if (delay > 0) {
        try {
          Thread.sleep(delay);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      OtlpSpans.forEachSpan(
          body, trace -> spansByTrace.computeIfAbsent(trace, t -> new LongAdder()).increment());
      response.setStatus(HttpServletResponse.SC_OK);
      response.setContentType("application/x-protobuf");
      response.setContentLength(0); // an empty ExportTraceServiceResponse: everything accepted
    }
  }
}
