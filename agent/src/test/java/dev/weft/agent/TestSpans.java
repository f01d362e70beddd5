package dev.weft.agent;

import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.ArrayList;
import java.util.List;

/** Spans made by the real SDK, for the export pipeline's tests. */
final class TestSpans {

  private TestSpans() {}

  static List<SpanData> spans(int count) {
    List<SpanData> spans = new ArrayList<>();
    SdkTracerProvider provider =
        SdkTracerProvider.builder()
            .addSpanProcessor(
                new SpanProcessor() {
                  @Override
                  public void onStart(Context parentContext, ReadWriteSpan span) {}

                  @Override
                  public boolean isStartRequired() {
                    return false;
                  }

                  @Override
                  public void onEnd(ReadableSpan span) {
                    spans.add(span.toSpanData());
                  }

                  @Override
                  public boolean isEndRequired() {
                    return true;
                  }
                })
            .build();
    for (int i = 0; i < count; i++) {
      provider.get("test").spanBuilder("span " + i).startSpan().end();
    }
    return spans;
  }
}
