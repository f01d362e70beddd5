package dev.weft.example.extension.sampler;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.data.LinkData;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import io.opentelemetry.sdk.trace.samplers.SamplingDecision;
import io.opentelemetry.sdk.trace.samplers.SamplingResult;
import java.util.List;

/**
 * Follows the parent's decision (samples root spans), and tags each sampled span with {@code example.sampler}, so
 * that the spans show which sampler decided.
 */
final class TaggingSampler implements Sampler {

  static final AttributeKey<String> TAG = AttributeKey.stringKey("example.sampler");

  private final Sampler decider = Sampler.parentBased(Sampler.alwaysOn());
  private final SamplingResult sampled;

  TaggingSampler(String tag) {
    this.sampled =
        SamplingResult.create(SamplingDecision.RECORD_AND_SAMPLE, Attributes.of(TAG, tag));
  }

  @Override
  public SamplingResult shouldSample(
      Context parentContext,
      String traceId,
      String name,
      SpanKind spanKind,
      Attributes attributes,
      List<LinkData> parentLinks) {
    SamplingResult decision =
        decider.shouldSample(parentContext, traceId, name, spanKind, attributes, parentLinks);
    return decision.getDecision() == SamplingDecision.RECORD_AND_SAMPLE ? sampled : decision;
  }

  @Override
  public String getDescription() {
    return "TaggingSampler";
  }
}
