package dev.weft.benchmarks.harness;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A keep-alive HTTP/1.1 connection to the application that sends one fixed {@code GET} again and again: just
 * enough client for the harness's own requests, cheap enough not to blur what it measures. Answers must carry a
 * {@code Content-Length}, as the benchmark application's do.
 */
final class HttpConnection implements Closeable {

  private final Socket socket = new Socket();
  private final byte[] request;
  private final InputStream in;
  private final OutputStream out;

  /** @param traceparent sent as the {@code traceparent} header, or {@code null} for none */
  HttpConnection(int port, String path, String traceparent) throws IOException {
    socket.setTcpNoDelay(true);
    socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
    in = new BufferedInputStream(socket.getInputStream());
    out = socket.getOutputStream();
    request =
        ("GET "
                + path
                + " HTTP/1.1\r\nHost: 127.0.0.1:"
                + port
                + "\r\n"
                + (traceparent == null ? "" : "traceparent: " + traceparent + "\r\n")
                + "\r\n")
            .getBytes(StandardCharsets.US_ASCII);
  }

  /** Sends the request and reads the whole answer; returns its status code. */
  int get() throws IOException {
    out.write(request);
    out.flush();
    String statusLine = line();
    long contentLength = -1;
    for (String header = line(); !header.isEmpty(); header = line()) {
      if (header.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
        contentLength = Long.parseLong(header.substring("content-length:".length()).trim());
      }
    }
    if (contentLength < 0) {
      throw new IOException("an answer without Content-Length: " + statusLine);
    }
    for (long left = contentLength; left > 0; left--) {
      if (in.read() < 0) {
        throw new EOFException("connection closed in the middle of an answer");
      }
    }
    return Integer.parseInt(statusLine.split(" ")[1]);
  }

  private String line() throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream(64);
    for (int b = in.read(); b != '\n'; b = in.read()) {
      if (b < 0) {
        throw new EOFException("connection closed before a whole answer");
      }
      if (b != '\r') {
        line.write(b);
      }
    }
    return line.toString(StandardCharsets.US_ASCII);
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
