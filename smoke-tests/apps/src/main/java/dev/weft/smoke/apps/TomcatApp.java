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
import java.nio.file.Files;
import org.apache.catalina.Context;
import org.apache.catalina.Wrapper;
import org.apache.catalina.startup.Tomcat;
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
 *   <li>{@code /chain?port=N} and {@code /chain-async?port=N}: call {@code /shop/hello} on port N with OkHttp,
 *       synchronously or with {@code enqueue}; answer 502 when that call fails</li>
 * </ul>
 */
public final class TomcatApp {

  static final long ASYNC_WORK_MILLIS = 300;

  private TomcatApp() {}

  public static void main(String[] args) throws Exception {
    Tomcat tomcat = new Tomcat();
    tomcat.setBaseDir(Files.createTempDirectory("tomcat").toString());
    tomcat.setPort(0);
    Context context = tomcat.addContext("/shop", null);
    add(context, "/hello", new Text("hello"));
    add(context, "/users/*", new Text("user"));
    add(context, "/forward", new HttpServlet() {
      @Override
      protected void doGet(HttpServletRequest request, HttpServletResponse response)
          throws ServletException, IOException {
        request.getRequestDispatcher("/hello").forward(request, response);
      }
    });
    add(context, "/fail", new HttpServlet() {
      @Override
      protected void doGet(HttpServletRequest request, HttpServletResponse response) {
        throw new IllegalStateException("boom");
      }
    });
    add(context, "/unavailable", new HttpServlet() {
      @Override
      protected void doGet(HttpServletRequest request, HttpServletResponse response) {
        response.setStatus(503);
      }
    });
    add(context, "/async", new HttpServlet() {
      @Override
      protected void doGet(HttpServletRequest request, HttpServletResponse response) {
        AsyncContext async = request.startAsync();
        async.start(() -> {
          try {
            Thread.sleep(ASYNC_WORK_MILLIS); // the slow work whose time the span must include
            async.getResponse().getWriter().write("late hello");
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
          async.complete();
        });
      }
    });
    add(context, "/async-timeout", new HttpServlet() {
      @Override
      protected void doGet(HttpServletRequest request, HttpServletResponse response) {
        request.startAsync().setTimeout(200);
      }
    });
    add(context, "/libraries", new HttpServlet() {
      @Override
      protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.getWriter().write(LibraryUse.exercise(request.getLocalPort()));
      }
    });

    add(context, "/chain", new Chain(false));
    add(context, "/chain-async", new Chain(true));

    FilterDef filter = new FilterDef();
    filter.setFilterName("passThrough");
    filter.setFilter(new PassThroughFilter());
    filter.setAsyncSupported("true");
    context.addFilterDef(filter);
    FilterMap mapping = new FilterMap();
    mapping.setFilterName("passThrough");
    mapping.addURLPattern("/*");
    context.addFilterMap(mapping);

    tomcat.getConnector();
    tomcat.start();
    System.out.println("READY " + tomcat.getConnector().getLocalPort());
    tomcat.getServer().await();
  }

  private static void add(Context context, String pattern, HttpServlet servlet) {
    String name = pattern + "-servlet";
    Wrapper wrapper = Tomcat.addServlet(context, name, servlet);
    wrapper.setAsyncSupported(true);
    context.addServletMappingDecoded(pattern, name);
  }

  /** Answers 200 with a fixed text. */
  static final class Text extends HttpServlet {
    private final String text;

    Text(String text) {
      this.text = text;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
      response.getWriter().write(text);
    }
  }

  /** Calls /shop/hello on another port through OkHttp, and answers with what it got. */
  static final class Chain extends HttpServlet {
    private final okhttp3.OkHttpClient client = new okhttp3.OkHttpClient();
    private final boolean async;

    Chain(boolean async) {
      this.async = async;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
      okhttp3.Request call = new okhttp3.Request.Builder()
          .url("http://127.0.0.1:" + request.getParameter("port") + "/shop/hello").build();
      try {
        String body = async ? enqueue(call) : execute(call);
        response.getWriter().write("chained: " + body);
      } catch (IOException e) {
        response.setStatus(502);
      }
    }

    private String execute(okhttp3.Request call) throws IOException {
      try (okhttp3.Response answer = client.newCall(call).execute()) {
        return answer.body().string();
      }
    }

    private String enqueue(okhttp3.Request call) throws IOException {
      java.util.concurrent.CompletableFuture<String> result = new java.util.concurrent.CompletableFuture<>();
      client.newCall(call).enqueue(new okhttp3.Callback() {
        @Override
        public void onFailure(okhttp3.Call failed, IOException e) {
          result.completeExceptionally(e);
        }

        @Override
        public void onResponse(okhttp3.Call done, okhttp3.Response answer) throws IOException {
          try (answer) {
            result.complete(answer.body().string());
          }
        }
      });
      try {
        return result.get(30, java.util.concurrent.TimeUnit.SECONDS);
      } catch (Exception e) {
        throw new IOException(e);
      }
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
