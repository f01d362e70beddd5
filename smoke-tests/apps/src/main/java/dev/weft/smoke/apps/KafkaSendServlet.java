package dev.weft.smoke.apps;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * {@code /kafka/send?bootstrap=&topic=&key=&value=}: sends one record and answers once the broker acknowledged it
 * (200) or the send failed (500). With {@code &callbackPort=N} the send's callback calls {@code /shop/hello} on port
 * N with OkHttp's {@code enqueue}. {@code /kafka/send-twice} sends the same record object twice.
 */
final class KafkaSendServlet extends HttpServlet {

  private final Map<String, Producer<String, String>> producers = new ConcurrentHashMap<>();
  private final okhttp3.OkHttpClient okHttp = new okhttp3.OkHttpClient();

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    Producer<String, String> producer =
        producers.computeIfAbsent(request.getParameter("bootstrap"), KafkaSendServlet::producer);
    ProducerRecord<String, String> record =
        new ProducerRecord<>(
            request.getParameter("topic"),
            request.getParameter("key"),
            request.getParameter("value"));
    String callbackPort = request.getParameter("callbackPort");
    int sends = "/send-twice".equals(request.getPathInfo()) ? 2 : 1;
    try {
      RecordMetadata metadata = null;
      for (int i = 0; i < sends; i++) {
        Future<RecordMetadata> sent =
            producer.send(
                record,
                (acknowledged, failure) -> {
                  if (callbackPort != null) {
                    okHttp
                        .newCall(
                            new okhttp3.Request.Builder()
                                .url(
                                    "http://127.0.0.1:"
                                        + callbackPort
                                        + "/shop/hello?from=callback")
                                .build())
                        .enqueue(new IgnoringCallback());
                  }
                });
        metadata = sent.get(30, TimeUnit.SECONDS);
      }
      response
          .getWriter()
          .write(
              "sent to " + metadata.topic() + "-" + metadata.partition() + "@" + metadata.offset());
    } catch (ExecutionException | java.util.concurrent.TimeoutException | InterruptedException e) {
      response.setStatus(500);
      response.getWriter().write("send failed: " + e);
    }
  }

  private static Producer<String, String> producer(String bootstrap) {
    Properties config = new Properties();
    config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    config.put(ProducerConfig.CLIENT_ID_CONFIG, "shop-producer");
    config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    // a broker that is not there fails the send quickly
    config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "2000");
    return new KafkaProducer<>(config);
  }

  private static final class IgnoringCallback implements okhttp3.Callback {
    @Override
    public void onFailure(okhttp3.Call call, IOException e) {}

    @Override
    public void onResponse(okhttp3.Call call, okhttp3.Response response) {
      response.close();
    }
  }
}
