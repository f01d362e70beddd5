package dev.weft.smoke.apps;

import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.baggage.Baggage;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.ContextKey;
import io.opentelemetry.context.Scope;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Embedded Tomcat, context path {@code /app}, using its own OpenTelemetry API (whichever version is on its class
 * path: it is compiled against 1.30.1 and calls only what 1.0 has).
 *
 * <ul>
 *   <li>{@code /manual}: reports {@code Span.current()} (the agent's SERVER span, which it gives an attribute) and
 *       the incoming baggage entry {@code incoming}, then starts its own span with
 *       {@code GlobalOpenTelemetry.getTracer}, with attributes, an event, a recorded exception, an error status and a
 *       link, makes it current with baggage {@code app.tenant=acme} and a key of its own, and calls {@code /app/echo}
 *       with OkHttp inside it; answers what it saw</li>
 *   <li>{@code /echo}: answers the {@code baggage} header it received</li>
 *   <li>{@code /set-global}: calls {@code GlobalOpenTelemetry.set} twice, then reports whether a span of
 *       {@code GlobalOpenTelemetry.getTracer} still records</li>
 * </ul>
 */
public final class OpenTelemetryApiApp {

  private static final String LINKED_TRACE_ID = "0af7651916cd43dd8448eb211c80319c";
  private static final String LINKED_SPAN_ID = "b7ad6b7169203331";
  private static final ContextKey<String> REQUEST_NOTE = ContextKey.named("request-note");

  private OpenTelemetryApiApp() {}

  public static void main(String[] args) throws Exception {
    EmbeddedTomcat tomcat = new EmbeddedTomcat("/app");
    tomcat.add("/manual", new Manual());
    tomcat.add(
        "/echo",
        new HttpServlet() {
          @Override
          protected void doGet(HttpServletRequest request, HttpServletResponse response)
              throws IOException {
            response.getWriter().write(String.valueOf(request.getHeader("baggage")));
          }
        });
    tomcat.add(
        "/set-global",
        new HttpServlet() {
          @Override
          protected void doGet(HttpServletRequest request, HttpServletResponse response)
              throws IOException {
            GlobalOpenTelemetry.set(OpenTelemetry.noop());
            GlobalOpenTelemetry.set(OpenTelemetry.noop());
            Span span =
                GlobalOpenTelemetry.getTracer("smoke-app").spanBuilder("after-set").startSpan();
            response.getWriter().write("after-set=" + (span.isRecording() ? "recording" : "noop"));
            span.end();
          }
        });
    tomcat.serve();
  }

  /** The application's own span around an HTTP call, as a user isolating a bottleneck would write it. */
  static final class Manual extends HttpServlet {
    private final OkHttpClient client = new OkHttpClient();

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response)
        throws IOException {
      StringBuilder report = new StringBuilder();
      Span serverSpan = Span.current();
      serverSpan.setAttribute("app.enriched", true);
      SpanContext server = serverSpan.getSpanContext();
      report
          .append("current=")
          .append(server.getTraceId())
          .append('-')
          .append(server.getSpanId())
          .append('-')
          .append(server.isValid());
      report.append("\nincoming-baggage=").append(Baggage.current().getEntryValue("incoming"));

      Tracer tracer = GlobalOpenTelemetry.getTracer("smoke-app", "1.0");
      SpanContext linked =
          SpanContext.createFromRemoteParent(
              LINKED_TRACE_ID, LINKED_SPAN_ID, TraceFlags.getSampled(), TraceState.getDefault());
      Span span =
          tracer
              .spanBuilder("manual-work")
              .setAttribute("app.string", "s")
              .setAttribute("app.long", 42L)
              .addLink(linked, Attributes.of(AttributeKey.stringKey("link.reason"), "batch"))
              .startSpan();
      span.setAttribute(AttributeKey.booleanKey("app.flag"), true);
      span.setAttribute(AttributeKey.stringArrayKey("app.list"), java.util.List.of("a", "b"));
      span.addEvent("checkpoint", Attributes.of(AttributeKey.stringKey("step"), "one"));
      span.recordException(new IllegalStateException("handled"));
      span.setStatus(StatusCode.ERROR, "manual failure");
      Baggage baggage = Baggage.current().toBuilder().put("app.tenant", "acme").build();
      try (Scope ignored =
          Context.current().with(span).with(baggage).with(REQUEST_NOTE, "note").makeCurrent()) {
        SpanContext current = Span.current().getSpanContext();
        report
            .append("\nspan=")
            .append(current.getTraceId())
            .append('-')
            .append(current.getSpanId());
        report.append("\nspan-is-current=").append(current.equals(span.getSpanContext()));
        try (Response echoed =
            client
                .newCall(
                    new Request.Builder()
                        .url("http://127.0.0.1:" + request.getLocalPort() + "/app/echo")
                        .build())
                .execute()) {
          report.append("\nechoed-baggage=").append(echoed.body().string());
        }
        report.append("\nnote-after-call=").append(Context.current().get(REQUEST_NOTE));
        report
            .append("\nbaggage-after-call=")
            .append(Baggage.current().getEntryValue("app.tenant"));
      } finally {
        span.end();
      }
      report
          .append("\nrestored=")
          .append(Span.current().getSpanContext().getSpanId().equals(server.getSpanId()));
      report.append("\napi=").append(jarName(Span.class));
      response.getWriter().write(report.toString());
    }
  }

  private static String jarName(Class<?> type) {
    String path = type.getProtectionDomain().getCodeSource().getLocation().getPath();
    return path.substring(path.lastIndexOf('/') + 1);
  }
}
