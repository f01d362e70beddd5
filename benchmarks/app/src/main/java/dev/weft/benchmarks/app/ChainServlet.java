package dev.weft.benchmarks.app;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * {@code GET /chain}: asks this application's own {@code /hello} with one shared OkHttp client and answers with
 * what it got, so one request crosses a server, a client and a server again (three spans under an agent).
 */
final class ChainServlet extends HttpServlet {

  /** Idle connections kept for /hello: more than the benchmark's concurrency, so none is reopened under load. */
  private static final int POOLED_CONNECTIONS = 256;

  private final OkHttpClient client =
      new OkHttpClient.Builder()
          .connectionPool(new ConnectionPool(POOLED_CONNECTIONS, 5, TimeUnit.MINUTES))
          .build();
  private final Request hello;

  ChainServlet(int port) {
    hello = new Request.Builder().url("http://127.0.0.1:" + port + "/hello").build();
  }

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    try (Response answer = client.newCall(hello).execute()) {
      byte[] body = answer.body().bytes();
      response.setStatus(answer.code());
      response.setContentType("text/plain");
      response.setContentLength(body.length);
      response.getOutputStream().write(body);
    }
  }
}
