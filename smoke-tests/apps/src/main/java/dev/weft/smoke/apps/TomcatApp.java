package dev.weft.smoke.apps;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.apache.catalina.Context;
import org.apache.tomcat.util.descriptor.web.FilterDef;
import org.apache.tomcat.util.descriptor.web.FilterMap;

/**
 * Embedded Tomcat 10.1 (jakarta.servlet), context path {@code /shop}, behind a filter on {@code /*}.
 *
 * <ul>
 *   <li>{@code /hello}: 200; {@code /users/*}: 200 (a path mapping); {@code /forward}: forwards to /hello</li>
 *   <li>{@code /fail}: throws; {@code /unavailable}: answers 503</li>
 *   <li>{@code /async}: answers from another thread after {@value #ASYNC_WORK_MILLIS} ms</li>
 *   <li>{@code /async-timeout}: starts async work that never completes, timing out after 200 ms</li>
 *   <li>{@code /libraries}: uses the application's own OkHttp, protobuf, Byte Buddy and OpenTelemetry API</li>
 *   <li>{@code /chain/okhttp}, {@code /chain/okhttp-async}, {@code /chain/jdk}, {@code /chain/jdk-async}, with
 *       {@code ?port=N} (and optionally {@code &target=/shop/...}): call {@code /shop/hello} on port N with OkHttp ({@code execute}, {@code enqueue}) or the
 *       JDK's HttpClient ({@code send}, {@code sendAsync}), or {@code /chain/url-connection} with
 *       HttpURLConnection; answer 502 when that call fails.
 *       {@code /chain/jdk-async-then-okhttp} makes the OkHttp call in a stage that depends on the async one.</li>
 *   <li>{@code /kafka/send}, {@code /kafka/send-twice}: see {@link KafkaSendServlet}</li>
 * </ul>
 */
public final class TomcatApp {

  static final long ASYNC_WORK_MILLIS = 300;

  private TomcatApp() {}

  public static void main(String[] args) throws Exception {
    EmbeddedTomcat tomcat = new EmbeddedTomcat("/shop");
    Context context = tomcat.context;
    add(tomcat, "/hello", new Text("hello"));
    add(tomcat, "/users/*", new Text("user"));
    add(
        tomcat,
        "/forward",
        new HttpServlet() {
          @Override
          protected void doGet(HttpServletRequest request, HttpServletResponse response)
              throws ServletException, IOException {
            request.getRequestDispatcher("/hello").forward(request, response);
          }
        });
    add(
        tomcat,
        "/fail",
        new HttpServlet() {
          @Override
          protected void doGet(HttpServletRequest request, HttpServletResponse response) {
            throw new IllegalStateException("boom");
          }
        });
    add(
        tomcat,
        "/unavailable",
        new HttpServlet() {
          @Override
          protected void doGet(HttpServletRequest request, HttpServletResponse response) {
            response.setStatus(503);
          }
        });
    add(
        tomcat,
        "/async",
        new HttpServlet() {
          @Override
          protected void doGet(HttpServletRequest request, HttpServletResponse response) {
            AsyncContext async = request.startAsync();
            async.start(
                () -> {
                  try {
                    Thread.sleep(
                        ASYNC_WORK_MILLIS); // the slow work whose time the span must include
                    async.getResponse().getWriter().write("late hello");
                  } catch (Exception e) {
                    throw new IllegalStateException(e);
                  }
                  async.complete();
                });
          }
        });
    add(
        tomcat,
        "/async-timeout",
        new HttpServlet() {
          @Override
          protected void doGet(HttpServletRequest request, HttpServletResponse response) {
            request.startAsync().setTimeout(200);
          }
        });
    add(
        tomcat,
        "/libraries",
        new HttpServlet() {
          @Override
          protected void doGet(HttpServletRequest request, HttpServletResponse response)
              throws IOException {
            response.getWriter().write(LibraryUse.exercise(request.getLocalPort()));
          }
        });

    add(tomcat, "/chain/*", new Chain());
    add(tomcat, "/kafka/*", new KafkaSendServlet());

    FilterDef filter = new FilterDef();
    filter.setFilterName("passThrough");
    filter.setFilter(new PassThroughFilter());
    filter.setAsyncSupported("true");
    context.addFilterDef(filter);
    FilterMap mapping = new FilterMap();
    mapping.setFilterName("passThrough");
    mapping.addURLPattern("/*");
    context.addFilterMap(mapping);

    tomcat.serve();
  }

  /** Every servlet may answer asynchronously: some requests of the tests do. */
  private static void add(EmbeddedTomcat tomcat, String pattern, HttpServlet servlet) {
    tomcat.add(pattern, servlet).setAsyncSupported(true);
  }

  /** Answers 200 with a fixed text. */
  static final class Text extends HttpServlet {
    private final String text;

    Text(String text) {
      this.text = text;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response)
        throws IOException {
      response.getWriter().write(text);
    }
  }

  /** Calls /shop/hello on another port through the client the path names, and answers with what it got. */
  static final class Chain extends HttpServlet {
    private final okhttp3.OkHttpClient okHttp = new okhttp3.OkHttpClient();
    private final java.net.http.HttpClient jdk =
        java.net.http.HttpClient.newBuilder()
            .version(java.net.http.HttpClient.Version.HTTP_1_1)
            .build();

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response)
        throws IOException {
      String target =
          request.getParameter("target") == null ? "/shop/hello" : request.getParameter("target");
      String url = "http://127.0.0.1:" + request.getParameter("port") + target;
      String body;
      try {
        body = call(request.getPathInfo(), url);
      } catch (Exception e) {
        response.setStatus(502);
        return;
      }
      response.getWriter().write("chained: " + body);
    }

    private String call(String via, String url) throws Exception {
      switch (via) {
        case "/okhttp":
          try (okhttp3.Response answer = okHttp.newCall(okHttpRequest(url)).execute()) {
            return answer.body().string();
          }
        case "/okhttp-async":
          return enqueue(okHttpRequest(url)).get(30, java.util.concurrent.TimeUnit.SECONDS);
        case "/jdk":
          return jdk.send(jdkRequest(url), java.net.http.HttpResponse.BodyHandlers.ofString())
              .body();
        case "/jdk-async":
          return jdk.sendAsync(jdkRequest(url), java.net.http.HttpResponse.BodyHandlers.ofString())
              .thenApply(java.net.http.HttpResponse::body)
              .get(30, java.util.concurrent.TimeUnit.SECONDS);
        case "/url-connection":
          java.net.HttpURLConnection connection =
              (java.net.HttpURLConnection) new java.net.URL(url).openConnection();
          if (connection.getResponseCode() != 200) {
            throw new IOException("status " + connection.getResponseCode());
          }
          try (java.io.InputStream body = connection.getInputStream()) {
            return new String(body.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
          }
        case "/jdk-async-then-okhttp":
          // the dependent stage runs where the response completes: it must still be in the caller's
          // trace
          return jdk.sendAsync(jdkRequest(url), java.net.http.HttpResponse.BodyHandlers.ofString())
              .thenApply(
                  first -> {
                    try (okhttp3.Response second = okHttp.newCall(okHttpRequest(url)).execute()) {
                      return first.body() + "+" + second.body().string();
                    } catch (IOException e) {
                      throw new java.io.UncheckedIOException(e);
                    }
                  })
              .get(30, java.util.concurrent.TimeUnit.SECONDS);
        default:
          throw new IllegalArgumentException(via);
      }
    }

    private static okhttp3.Request okHttpRequest(String url) {
      return new okhttp3.Request.Builder().url(url).build();
    }

    private static java.net.http.HttpRequest jdkRequest(String url) {
      return java.net.http.HttpRequest.newBuilder(java.net.URI.create(url)).build();
    }

    private java.util.concurrent.CompletableFuture<String> enqueue(okhttp3.Request call) {
      java.util.concurrent.CompletableFuture<String> result =
          new java.util.concurrent.CompletableFuture<>();
      okHttp
          .newCall(call)
          .enqueue(
              new okhttp3.Callback() {
                @Override
                public void onFailure(okhttp3.Call failed, IOException e) {
                  result.completeExceptionally(e);
                }

                @Override
                public void onResponse(okhttp3.Call done, okhttp3.Response answer)
                    throws IOException {
                  try (answer) {
                    result.complete(answer.body().string());
                  }
                }
              });
      return result;
    }
  }

  /** A filter in front of every servlet: the server span must start here, once. */
  static final class PassThroughFilter implements Filter {
    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
        throws IOException, ServletException {
      chain.doFilter(request, response);
    }
  }
}
