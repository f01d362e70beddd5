package dev.weft.smoke.springkafka;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** The HTTP call a listener makes for what it handles: {@code GET <weft.call-url>?<parameter>=<value>}. */
@Component
public class Calls {

  private final HttpClient http = HttpClient.newHttpClient();
  private final String url;

  public Calls(@Value("${weft.call-url}") String url) {
    this.url = url;
  }

  public void get(String parameter, String value) {
    try {
      http.send(
          HttpRequest.newBuilder(
                  URI.create(
                      url
                          + "?"
                          + parameter
                          + "="
                          + URLEncoder.encode(value, StandardCharsets.UTF_8)))
              .build(),
          HttpResponse.BodyHandlers.discarding());
    } catch (Exception e) {
      System.out.println("GET failed: " + e);
    }
  }
}
