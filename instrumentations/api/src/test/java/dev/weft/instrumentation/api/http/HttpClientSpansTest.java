package dev.weft.instrumentation.api.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class HttpClientSpansTest {

  @Test
  void urlFullNeverCarriesCredentials() {
    assertEquals("https://example.com:8443/a?b=c",
        HttpClientSpans.withoutUserInfo("https://alice:s3cret@example.com:8443/a?b=c", "alice:s3cret"));
    assertEquals("http://example.com/", HttpClientSpans.withoutUserInfo("http://alice@example.com/", "alice"));
    assertEquals("http://example.com/", HttpClientSpans.withoutUserInfo("http://example.com/", null));
    assertEquals("http://example.com/", HttpClientSpans.withoutUserInfo("http://example.com/", ""));
  }
}
