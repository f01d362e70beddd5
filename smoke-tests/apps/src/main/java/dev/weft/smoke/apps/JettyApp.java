package dev.weft.smoke.apps;

import java.io.IOException;
import java.util.EnumSet;
import javax.servlet.AsyncContext;
import javax.servlet.DispatcherType;
import javax.servlet.Filter;
import javax.servlet.FilterChain;
import javax.servlet.ServletException;
import javax.servlet.ServletRequest;
import javax.servlet.ServletResponse;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.servlet.FilterHolder;
import org.eclipse.jetty.servlet.ServletContextHandler;
import org.eclipse.jetty.servlet.ServletHolder;

/**
 * Embedded Jetty 10 (javax.servlet 4.0), root context, behind a filter on {@code /*}: {@code /hello},
 * {@code /users/*}, {@code /fail} (throws) and {@code /async} (answers from another thread after
 * {@value TomcatApp#ASYNC_WORK_MILLIS} ms).
 */
public final class JettyApp {

  private JettyApp() {}

  public static void main(String[] args) throws Exception {
    Server server = new Server(0);
    ServletContextHandler context = new ServletContextHandler();
    context.setContextPath("/");
    add(context, "/hello", new Text("hello"));
    add(context, "/users/*", new Text("user"));
    add(
        context,
        "/fail",
        new HttpServlet() {
          @Override
          protected void doGet(HttpServletRequest request, HttpServletResponse response) {
            throw new IllegalStateException("boom");
          }
        });
    add(
        context,
        "/async",
        new HttpServlet() {
          @Override
          protected void doGet(HttpServletRequest request, HttpServletResponse response) {
            AsyncContext async = request.startAsync();
            async.start(
                () -> {
                  try {
                    Thread.sleep(
                        TomcatApp
                            .ASYNC_WORK_MILLIS); // the slow work whose time the span must include
                    async.getResponse().getWriter().write("late hello");
                  } catch (Exception e) {
                    throw new IllegalStateException(e);
                  }
                  async.complete();
                });
          }
        });
    FilterHolder filter = new FilterHolder(new PassThroughFilter());
    filter.setAsyncSupported(true);
    context.addFilter(filter, "/*", EnumSet.of(DispatcherType.REQUEST, DispatcherType.ASYNC));
    server.setHandler(context);
    server.start();
    System.out.println("READY " + ((ServerConnector) server.getConnectors()[0]).getLocalPort());
    server.join();
  }

  private static void add(ServletContextHandler context, String pattern, HttpServlet servlet) {
    ServletHolder holder = new ServletHolder(servlet);
    holder.setAsyncSupported(true);
    context.addServlet(holder, pattern);
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

  /** A filter in front of every servlet: the server span must start here, once. */
  static final class PassThroughFilter implements Filter {
    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
        throws IOException, ServletException {
      chain.doFilter(request, response);
    }
  }
}
