package dev.weft.smoke.support;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/**
 * The HTTP call an application makes for what it handles (a Kafka record, say): {@code GET <url>?<parameter>=<value>}
 * with the JDK's HttpClient, so that the test sees the call's spans as children of the handling. A failed call is
 * printed, never thrown: the test notices the span that is missing.
 */
public final class UrlCaller {

  private final HttpClient http = HttpClient.newHttpClient();
  private final String url;

  public UrlCaller(String url) {
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
