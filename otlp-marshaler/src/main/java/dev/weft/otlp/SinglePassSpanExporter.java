package dev.weft.otlp;

import io.opentelemetry.exporter.internal.marshal.Marshaler;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.exporter.otlp.internal.GrpcExporter;
import io.opentelemetry.exporter.otlp.internal.HttpExporter;
import io.opentelemetry.exporter.otlp.trace.OtlpGrpcSpanExporter;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.lang.reflect.Field;
import java.util.Collection;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.BiFunction;

/**
 * The SDK's OTLP span exporter with {@link SpanBatchMarshaler} in place of the SDK's marshaler. Everything else is
 * the SDK exporter's own object, taken from it: its {@code HttpExporter} or {@code GrpcExporter} with the sender it
 * built from the configuration (endpoint, headers, compression, TLS, timeout, retries on 429/502/503/504 with {@code
 * Retry-After}, the request size limit, the exporter's metrics). Only the encoding of the batch changes.
 *
 * <p>The SDK offers no way to give its exporter another marshaler, so the exporter's {@code delegate} field is read
 * once, when the exporter is built. If the SDK's class has no such field (another SDK version), the SDK's exporter is
 * used as it is; {@code SinglePassSpanExporterTest} fails first.
 *
 * <p>A marshaler holds its batch's bytes until the export ends (the sender may write them again on a retry), so each
 * export under way has its own, taken from a pool of those the exports that ended gave back.
 */
public final class SinglePassSpanExporter implements SpanExporter {

  private final SpanExporter sdkExporter;
  private final BiFunction<Marshaler, Integer, CompletableResultCode> sending;
  private final Queue<SpanBatchMarshaler> marshalers = new ConcurrentLinkedQueue<>();

  private SinglePassSpanExporter(
      SpanExporter sdkExporter, BiFunction<Marshaler, Integer, CompletableResultCode> sending) {
    this.sdkExporter = sdkExporter;
    this.sending = sending;
  }

  /** @return an exporter that sends as {@code exporter} does, or {@code exporter} itself if its sending is not found */
  public static SpanExporter around(OtlpHttpSpanExporter exporter) {
    HttpExporter sending = delegate(exporter, HttpExporter.class);
    return sending == null ? exporter : new SinglePassSpanExporter(exporter, sending::export);
  }

  /** @return an exporter that sends as {@code exporter} does, or {@code exporter} itself if its sending is not found */
  public static SpanExporter around(OtlpGrpcSpanExporter exporter) {
    GrpcExporter sending = delegate(exporter, GrpcExporter.class);
    return sending == null ? exporter : new SinglePassSpanExporter(exporter, sending::export);
  }

  private static <T> T delegate(SpanExporter exporter, Class<T> type) {
    try {
      Field field = exporter.getClass().getDeclaredField("delegate");
      field.setAccessible(true);
      Object delegate = field.get(exporter);
      return type.isInstance(delegate) ? type.cast(delegate) : null;
    } catch (ReflectiveOperationException | RuntimeException e) {
      return null;
    }
  }

  @Override
  public CompletableResultCode export(Collection<SpanData> spans) {
    SpanBatchMarshaler marshaler = marshalers.poll();
    if (marshaler == null) {
      marshaler = new SpanBatchMarshaler();
    }
    CompletableResultCode result;
    try {
      marshaler.initialize(spans);
      result = sending.apply(marshaler, spans.size());
    } catch (RuntimeException e) {
      giveBack(marshaler);
      throw e;
    }
    SpanBatchMarshaler sent = marshaler;
    result.whenComplete(() -> giveBack(sent));
    return result;
  }

  private void giveBack(SpanBatchMarshaler marshaler) {
    marshaler.reset();
    marshalers.add(marshaler);
  }

  @Override
  public CompletableResultCode flush() {
    return sdkExporter.flush();
  }

  @Override
  public CompletableResultCode shutdown() {
    return sdkExporter.shutdown();
  }

  @Override
  public String toString() {
    return "SinglePassSpanExporter{" + sdkExporter + "}";
  }
}
