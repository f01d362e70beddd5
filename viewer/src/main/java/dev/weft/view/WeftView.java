package dev.weft.view;

import com.sun.net.httpserver.HttpServer;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code java -jar weft-agent.jar view}: starts the OTLP receiver, the page and the terminal printer, says where
 * each listens, and runs until the JVM is stopped (Ctrl-C), when a shutdown hook stops the listeners.
 */
public final class WeftView {

  private WeftView() {}

  public static void main(String[] args) {
    ViewOptions options;
    try {
      options = ViewOptions.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println("Weft View: " + e.getMessage() + "\n" + ViewOptions.USAGE);
      System.exit(2);
      return;
    }
    if (options.help) {
      System.out.println(ViewOptions.USAGE);
      return;
    }
    // without it the JDK's server lets delayed ACKs stall every small export by ~40 ms
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
    Charset charset = terminalCharset();
    PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, charset);
    TraceStore store = new TraceStore(options.maxSpans);
    ReceiverCounts counts = new ReceiverCounts();
    HttpServer otlp;
    HttpServer web;
    try {
      otlp = listen(options.otlp, "--otlp");
      web = listen(options.http, "--http");
    } catch (IOException e) {
      System.err.println("Weft View: " + e.getMessage());
      System.exit(1);
      return;
    }
    otlp.createContext("/v1/traces", new OtlpReceiver(store, counts, options.maxBodyBytes));
    otlp.setExecutor(threads("weft-view-otlp", 2));
    web.createContext("/", new ViewServer(new ViewApi(store, counts)));
    web.setExecutor(threads("weft-view-http", 2));
    String pageUrl =
        "http://" + hostForUrl(web.getAddress()) + ":" + web.getAddress().getPort() + "/";
    TerminalPrinter printer =
        options.terminal
            ? new TerminalPrinter(
                store, options.quietMillis, out, charset.equals(StandardCharsets.UTF_8), pageUrl)
            : null;
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  if (printer != null) {
                    printer.stop();
                  }
                  otlp.stop(0);
                  web.stop(0);
                  TraceStore.Stats stats = store.stats();
                  out.println(
                      "Weft View stopped: "
                          + stats.spansReceived
                          + " spans received, "
                          + stats.spansDropped
                          + " dropped");
                  out.flush();
                },
                "weft-view-shutdown"));
    otlp.start();
    web.start();
    if (printer != null) {
      printer.start();
    }
    out.println(
        "Weft View: receiving OTLP/HTTP (http/protobuf, http/json) on http://"
            + hostForUrl(otlp.getAddress())
            + ":"
            + otlp.getAddress().getPort()
            + "/v1/traces");
    out.println("Weft View: traces on " + pageUrl + "  (Ctrl-C stops)");
    out.flush();
  }

  private static HttpServer listen(InetSocketAddress address, String option) throws IOException {
    try {
      return HttpServer.create(address, 64);
    } catch (IOException e) {
      throw new IOException(
          "cannot listen on "
              + address.getHostString()
              + ":"
              + address.getPort()
              + " ("
              + option
              + "): "
              + e.getMessage(),
          e);
    }
  }

  private static ExecutorService threads(String name, int count) {
    AtomicInteger number = new AtomicInteger();
    return Executors.newFixedThreadPool(
        count,
        runnable -> {
          Thread thread = new Thread(runnable, name + "-" + number.incrementAndGet());
          thread.setDaemon(true);
          return thread;
        });
  }

  private static String hostForUrl(InetSocketAddress address) {
    String host = address.getAddress().getHostAddress();
    return host.contains(":") ? "[" + host + "]" : host;
  }

  /** The terminal's encoding (Java 17's {@code System.out} may use another). */
  private static Charset terminalCharset() {
    String name =
        System.getProperty(
            "stdout.encoding",
            System.getProperty(
                "sun.stdout.encoding",
                System.getProperty("native.encoding", Charset.defaultCharset().name())));
    try {
      return Charset.forName(name);
    } catch (IllegalArgumentException e) {
      return Charset.defaultCharset();
    }
  }
}
