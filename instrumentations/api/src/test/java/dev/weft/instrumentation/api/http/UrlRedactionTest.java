package dev.weft.instrumentation.api.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import org.junit.jupiter.api.Test;

class UrlRedactionTest {

  private final UrlRedaction redaction = new UrlRedaction(List.of("token"));

  @Test
  void sensitiveQueryValuesAreRedacted() {
    assertEquals(
        "sig=REDACTED&a=1&AWSAccessKeyId=REDACTED",
        redaction.redactQuery("sig=abc&a=1&AWSAccessKeyId=AKIA123"));
    assertEquals("X-Goog-Signature=REDACTED", redaction.redactQuery("X-Goog-Signature=0a1b"));
    assertEquals(
        "X-Amz-Date=1&X-Amz-Signature=REDACTED",
        redaction.redactQuery("X-Amz-Date=1&X-Amz-Signature=f00"));
    assertEquals("a=1&Signature=REDACTED&b=2", redaction.redactQuery("a=1&Signature=x%2Fy&b=2"));
    assertEquals(
        "token=REDACTED", redaction.redactQuery("token=secret"), "a configured extra name");
    assertEquals("sig=REDACTED", redaction.redactQuery("sig="));
  }

  @Test
  void otherParametersAreLeftAsTheyAre() {
    String query = "signature=1&SIG=2&sigma=3&x=sig&sig&&=sig";
    assertSame(
        query,
        redaction.redactQuery(query),
        "names match exactly; no copy when nothing is redacted");
  }

  @Test
  void fullUrlLosesCredentialsAndSensitiveValues() {
    assertEquals(
        "https://REDACTED:REDACTED@example.com:8443/a?b=c",
        redaction.redactFullUrl("https://alice:s3cret@example.com:8443/a?b=c", "alice:s3cret"));
    assertEquals(
        "http://REDACTED:REDACTED@example.com/",
        redaction.redactFullUrl("http://alice@example.com/", "alice"));
    assertEquals(
        "https://s3.example.com/k?X-Amz-Date=1&sig=REDACTED#frag",
        redaction.redactFullUrl("https://s3.example.com/k?X-Amz-Date=1&sig=abc#frag", null));
    String plain = "http://example.com/a?b=c";
    assertSame(plain, redaction.redactFullUrl(plain, ""));
  }

  @Test
  void configuredInstanceHandlesNull() {
    assertNull(UrlRedaction.query(null));
  }
}
