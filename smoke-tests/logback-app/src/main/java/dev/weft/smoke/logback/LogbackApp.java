package dev.weft.smoke.logback;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.concurrent.CompletableFuture;
import org.apache.catalina.Context;
import org.apache.catalina.startup.Tomcat;

/**
 * Embedded Tomcat, context path {@code /shop}.
 *
 * <ul>
 *   <li>{@code /hello}: 200</li>
 *   <li>{@code /log?request=N}: logs {@code handled request N}</li>
 *   <li>{@code /orders?request=N}: calls every method of {@link Orders}; {@code later}'s future is completed after
 *       a call to {@code /shop/hello}, {@code laterFailing}'s fails then</li>
 * </ul>
 * It logs {@code started} before it serves, outside any span.
 */
public final class LogbackApp {

  private LogbackApp() {}

  public static void main(String[] args) throws Exception {
    Tomcat tomcat = new Tomcat();
    tomcat.setBaseDir(Files.createTempDirectory("tomcat").toString());
    tomcat.setPort(0);
    Context context = tomcat.addContext("/shop", null);
    add(
        context,
        "/hello",
        new HttpServlet() {
          @Override
          protected void doGet(HttpServletRequest request, HttpServletResponse response)
              throws IOException {
            response.getWriter().write("hello");
          }
        });
    add(
        context,
        "/log",
        new HttpServlet() {
          @Override
          protected void doGet(HttpServletRequest request, HttpServletResponse response)
              throws IOException {
            Logs.info("handled request " + request.getParameter("request"));
            response.getWriter().write("logged");
          }
        });
    add(context, "/orders", new OrdersServlet());
    tomcat.getConnector();
    tomcat.start();
    Logs.info("started");
    System.out.println("READY " + tomcat.getConnector().getLocalPort());
    tomcat.getServer().await();
  }

  private static void add(Context context, String pattern, HttpServlet servlet) {
    Tomcat.addServlet(context, pattern, servlet);
    context.addServletMappingDecoded(pattern, pattern);
  }

  static final class OrdersServlet extends HttpServlet {
    private final Orders orders = new Orders();
    private final HttpClient client =
        HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response)
        throws IOException {
      int port = request.getLocalPort();
      try {
        String placed = orders.place(42, "ada", "not an attribute", port);
        orders.ship();
        try {
          orders.fail();
        } catch (IllegalStateException expected) {
          // the span records it
        }
        CompletableFuture<String> completion = new CompletableFuture<>();
        orders.later(completion);
        CompletableFuture<String> failure = new CompletableFuture<>();
        orders.laterFailing(failure);
        String after =
            client
                .send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/shop/hello"))
                        .build(),
                    HttpResponse.BodyHandlers.ofString())
                .body();
        completion.complete(after);
        failure.completeExceptionally(new IllegalStateException("failed later"));
        orders.legacy("kept");
        orders.excluded();
        response.getWriter().write(placed + " " + after);
      } catch (Exception e) {
        response.setStatus(500);
        response.getWriter().write(e.toString());
      }
    }
  }
}
