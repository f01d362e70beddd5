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
 * A greeting service on embedded Tomcat that sends itself three requests (with the JDK's HttpClient) and exits.
 * {@code /greet/*} asks {@code /names/*} (over HTTP, with OkHttp) how to spell the name. Run under the agent, each
 * greeting is one trace of four spans: the JDK client call, SERVER {@code GET /greet/*}, its OkHttp CLIENT call,
 * and SERVER {@code GET /names/*}.
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
    call(client, port, "/greet/ada");
    call(client, port, "/greet/nobody");
    call(client, port, "/greet/grace");

    System.exit(0); // the agent flushes its spans on the way out
  }

  private static void call(HttpClient client, int port, String path) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build();
    HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
    System.out.println("GET " + path + " -> " + response.statusCode()
        + (response.statusCode() < 400 ? " " + response.body() : ""));
  }
}
