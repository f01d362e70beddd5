package dev.weft.demo;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.apache.catalina.Context;
import org.apache.catalina.startup.Tomcat;

/**
 * Two services on embedded Tomcat. The greeting service (this JVM, {@code weft-demo}) starts the names service
 * in a second JVM ({@code weft-demo-names}, with the same agent and settings), asks itself with the JDK's
 * HttpClient to greet three people and exits. {@code GET /greet/*} asks the names service
 * {@code GET /names/*} with OkHttp how to spell the name. Under the agent each greeting is one trace across both
 * services: CLIENT (JDK), SERVER {@code /greet/*}, CLIENT (OkHttp), SERVER {@code /names/*}.
 */
public final class DemoApp {

  private DemoApp() {}

  public static void main(String[] args) throws Exception {
    if (args.length > 0 && args[0].equals("names")) {
      System.out.println("READY " + serve("/names/*", new Names()));
      return; // Tomcat's threads keep this JVM up until it is stopped
    }
    Process namesService = startNamesService();
    int namesPort = readyPort(namesService);
    int greetPort = serve("/greet/*", new Greet(namesPort));

    HttpClient client = HttpClient.newHttpClient();
    for (String name : List.of("ada", "nobody", "grace")) {
      HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + greetPort + "/greet/" + name))
          .build();
      HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
      System.out.println("GET /greet/" + name + " -> " + response.statusCode()
          + (response.statusCode() < 400 ? " " + response.body() : ""));
    }

    namesService.toHandle().destroy(); // its agent flushes its spans on the way out, as this one does
    namesService.waitFor();
    System.exit(0);
  }

  /** Starts Tomcat on a free port with one servlet, and returns the port. */
  private static int serve(String mapping, HttpServlet servlet) throws Exception {
    Tomcat tomcat = new Tomcat();
    tomcat.setBaseDir(Files.createTempDirectory("weft-demo").toString());
    tomcat.setPort(0);
    Context context = tomcat.addContext("", null);
    Tomcat.addServlet(context, "servlet", servlet);
    context.addServletMappingDecoded(mapping, "servlet");
    tomcat.getConnector();
    tomcat.start();
    return tomcat.getConnector().getLocalPort();
  }

  /** The same java, JVM options (the agent, its settings) and jar, as the names service. */
  private static Process startNamesService() throws Exception {
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElse("java"));
    command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
    command.add("-Dotel.service.name=weft-demo-names");
    command.add("-jar");
    command.add(new File(DemoApp.class.getProtectionDomain().getCodeSource().getLocation().toURI()).getPath());
    command.add("names");
    return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
  }

  private static int readyPort(Process service) throws IOException {
    BufferedReader output =
        new BufferedReader(new InputStreamReader(service.getInputStream(), StandardCharsets.UTF_8));
    for (String line = output.readLine(); line != null; line = output.readLine()) {
      if (line.startsWith("READY ")) {
        return Integer.parseInt(line.substring("READY ".length()).trim());
      }
    }
    throw new IllegalStateException("the names service did not start");
  }

  /** {@code /greet/<name>}: asks the names service how to spell the name. */
  private static final class Greet extends HttpServlet {
    private final OkHttpClient names = new OkHttpClient();
    private final int namesPort;

    Greet(int namesPort) {
      this.namesPort = namesPort;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
      Request lookup = new Request.Builder()
          .url("http://127.0.0.1:" + namesPort + "/names" + request.getPathInfo()).build();
      try (Response name = names.newCall(lookup).execute()) {
        if (!name.isSuccessful()) {
          response.sendError(name.code(), "nobody to greet");
          return;
        }
        response.getWriter().write("hello, " + name.body().string());
      }
    }
  }

  /** {@code /names/<name>}: the name, capitalised; 404 for nobody. */
  private static final class Names extends HttpServlet {
    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
      String name = request.getPathInfo().substring(1);
      if (name.equals("nobody")) {
        response.sendError(404);
        return;
      }
      response.getWriter().write(Character.toUpperCase(name.charAt(0)) + name.substring(1));
    }
  }
}
