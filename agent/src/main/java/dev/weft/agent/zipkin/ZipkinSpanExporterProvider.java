package dev.weft.agent.zipkin;

import io.opentelemetry.sdk.autoconfigure.spi.ConfigProperties;
import io.opentelemetry.sdk.autoconfigure.spi.ConfigurationException;
import io.opentelemetry.sdk.autoconfigure.spi.traces.ConfigurableSpanExporterProvider;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.net.URI;
import java.time.Duration;

/**
 * {@code otel.traces.exporter=zipkin}, with the SDK's settings: {@code otel.exporter.zipkin.endpoint} and {@code
 * otel.exporter.zipkin.timeout}.
 */
public final class ZipkinSpanExporterProvider implements ConfigurableSpanExporterProvider {

  static final String ENDPOINT = "otel.exporter.zipkin.endpoint";
  static final String DEFAULT_ENDPOINT = "http://localhost:9411/api/v2/spans";

  @Override
  public SpanExporter createExporter(ConfigProperties config) {
    String endpoint = config.getString(ENDPOINT, DEFAULT_ENDPOINT);
    URI uri;
    try {
      uri = URI.create(endpoint);
    } catch (IllegalArgumentException e) {
      throw new ConfigurationException("Invalid value for " + ENDPOINT + ": " + endpoint, e);
    }
    if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
      throw new ConfigurationException(
          "Invalid value for " + ENDPOINT + ": " + endpoint + " (http or https)");
    }
    return new ZipkinSpanExporter(
        uri, config.getDuration("otel.exporter.zipkin.timeout", Duration.ofSeconds(10)));
  }

  @Override
  public String getName() {
    return "zipkin";
  }
}
