package dev.weft.demo;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/** {@code /greet/<name>}: asks the names service how to spell the name, then hands the greeting to the mailer. */
final class Greet extends HttpServlet {

  private final OkHttpClient names = new OkHttpClient();
  private final int namesPort;
  private final Producer<String, String> mail;

  Greet(int namesPort, String kafkaBootstrap) {
    this.namesPort = namesPort;
    Properties config = new Properties();
    config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafkaBootstrap);
    config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    this.mail = new KafkaProducer<>(config);
  }

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    Request lookup =
        new Request.Builder()
            .url("http://127.0.0.1:" + namesPort + "/names" + request.getPathInfo())
            .build();
    String greeting;
    try (Response name = names.newCall(lookup).execute()) {
      if (!name.isSuccessful()) {
        response.sendError(name.code(), "nobody to greet");
        return;
      }
      greeting = "hello, " + name.body().string();
    }
    try {
      mail.send(new ProducerRecord<>(DemoApp.TOPIC, request.getPathInfo().substring(1), greeting))
          .get();
    } catch (ExecutionException | InterruptedException e) {
      response.sendError(503, "the mailer is not reachable");
      return;
    }
    response.getWriter().write(greeting);
  }
}
