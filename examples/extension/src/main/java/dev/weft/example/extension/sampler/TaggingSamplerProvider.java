package dev.weft.example.extension.sampler;

import io.opentelemetry.sdk.autoconfigure.spi.ConfigProperties;
import io.opentelemetry.sdk.autoconfigure.spi.traces.ConfigurableSamplerProvider;
import io.opentelemetry.sdk.trace.samplers.Sampler;

/**
 * {@code otel.traces.sampler=example-tagging}: {@link TaggingSampler}, its tag from {@code otel.traces.sampler.arg}.
 */
public final class TaggingSamplerProvider implements ConfigurableSamplerProvider {

  @Override
  public Sampler createSampler(ConfigProperties config) {
    return new TaggingSampler(config.getString("otel.traces.sampler.arg", "example"));
  }

  @Override
  public String getName() {
    return "example-tagging";
  }
}
