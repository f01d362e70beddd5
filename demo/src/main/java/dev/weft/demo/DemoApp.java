package dev.weft.demo;

import dev.weft.kafkabroker.LocalKafkaBroker;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.List;

/**
 * "Greetings as a service": three services, each in its own JVM under the same agent and settings, and a Kafka
 * broker (no agent) that the demo starts itself.
 *
 * <ul>
 *   <li>{@code weft-demo} (this JVM) serves {@code GET /greet/*}: asks {@code weft-demo-names} how to spell the
 *       name ({@code GET /names/*}, OkHttp), then hands the greeting to the mailer through the Kafka topic
 *       {@code greetings};</li>
 *   <li>{@code weft-demo-mailer} consumes {@code greetings} and "mails" each one (prints it).</li>
 * </ul>
 *
 * <p>The demo asks itself, with the JDK's HttpClient, to greet three people (one of whom the names service does
 * not know), waits until the mailer has mailed the two greetings, stops everything and exits. Each greeting is one
 * trace: CLIENT (JDK), SERVER {@code /greet/*}, CLIENT (OkHttp), SERVER {@code /names/*}, PRODUCER
 * {@code send greetings}, CONSUMER {@code process greetings} (in the mailer).
 */
public final class DemoApp {

  static final String TOPIC = "greetings";
  private static final List<String> PEOPLE = List.of("ada", "nobody", "grace");

  private DemoApp() {}

  public static void main(String[] args) throws Exception {
    if (args.length > 0) {
      Services.runAsService(args);
      return;
    }
    try (LocalKafkaBroker broker =
            LocalKafkaBroker.start(Files.createTempDirectory("weft-demo-kafka"));
        Services.Service names = Services.start("names");
        Services.Service mailer = Services.start("mailer", broker.bootstrapServers())) {
      int greetPort =
          Services.serve("/greet/*", new Greet(names.port(), broker.bootstrapServers()));
      HttpClient client = HttpClient.newHttpClient();
      int mailed = 0;
      for (String name : PEOPLE) {
        HttpRequest request =
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + greetPort + "/greet/" + name))
                .build();
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        System.out.println(
            "GET /greet/"
                + name
                + " -> "
                + response.statusCode()
                + (response.statusCode() < 400 ? " " + response.body() : ""));
        mailed += response.statusCode() < 400 ? 1 : 0;
      }
      for (int i = 0; i < mailed; i++) {
        System.out.println("mailer: " + mailer.nextLine());
      }
    }
    System.exit(0);
  }
}
