package dev.weft.benchmarks.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/** {@code GET /hello}: a small fixed text, the cheapest answer a servlet can give. */
final class HelloServlet extends HttpServlet {

  private static final byte[] BODY = "hello".getBytes(StandardCharsets.US_ASCII);

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    response.setContentType("text/plain");
    response.setContentLength(BODY.length);
    response.getOutputStream().write(BODY);
  }
}
