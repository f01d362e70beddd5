package dev.weft.demo;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import org.apache.catalina.Context;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.apache.catalina.startup.Tomcat;

/**
 * A greeting service on embedded Tomcat that sends itself three requests and exits. {@code /greet/*} asks
 * {@code /names/*} (over HTTP, with OkHttp) how to spell the name. Run under the agent, each greeting is one
 * trace: SERVER {@code GET /greet/*}, its CLIENT {@code GET} child, and that one's SERVER {@code GET /names/*}
 * child; the request that arrives with a {@code traceparent} continues that trace.
 */
public final class DemoApp {

  private DemoApp() {}

  public static void main(String[] args) throws Exception {
    Tomcat tomcat = new Tomcat();
    tomcat.setBaseDir(Files.createTempDirectory("weft-demo").toString());
    tomcat.setPort(0);
    Context context = tomcat.addContext("", null);
    OkHttpClient names = new OkHttpClient();
    Tomcat.addServlet(context, "greet", new HttpServlet() {
      @Override
      protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Request lookup = new Request.Builder()
            .url("http://127.0.0.1:" + request.getLocalPort() + "/names" + request.getPathInfo()).build();
        try (Response name = names.newCall(lookup).execute()) {
          if (!name.isSuccessful()) {
            response.sendError(name.code(), "nobody to greet");
            return;
          }
          response.getWriter().write("hello, " + name.body().string());
        }
      }
    });
    context.addServletMappingDecoded("/greet/*", "greet");
    Tomcat.addServlet(context, "names", new HttpServlet() {
      @Override
      protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String name = request.getPathInfo().substring(1);
        if (name.equals("nobody")) {
          response.sendError(404);
          return;
        }
        response.getWriter().write(Character.toUpperCase(name.charAt(0)) + name.substring(1));
      }
    });
    context.addServletMappingDecoded("/names/*", "names");
    tomcat.getConnector();
    tomcat.start();
    int port = tomcat.getConnector().getLocalPort();

    HttpClient client = HttpClient.newHttpClient();
    call(client, port, "/greet/ada", null);
    call(client, port, "/greet/nobody", null);
    call(client, port, "/greet/grace", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");

    System.exit(0); // the agent flushes its spans on the way out
  }

  private static void call(HttpClient client, int port, String path, String traceparent) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
    if (traceparent != null) {
      request.header("traceparent", traceparent);
    }
    HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    System.out.println("GET " + path + (traceparent == null ? "" : " (traceparent " + traceparent + ")")
        + " -> " + response.statusCode() + (response.statusCode() < 400 ? " " + response.body() : ""));
  }
}
