package dev.weft.agent;

import dev.weft.agent.zipkin.ZipkinSpanExporter;
import dev.weft.otlp.SinglePassSpanExporter;
import io.opentelemetry.common.ComponentLoader;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.exporter.otlp.trace.OtlpGrpcSpanExporter;
import io.opentelemetry.sdk.autoconfigure.spi.ConfigProperties;
import io.opentelemetry.sdk.autoconfigure.spi.ConfigurationException;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.util.Map;

/**
 * The path of a span from {@code end()} to the collector, each step a class with one job. No step makes an
 * application thread wait.
 *
 * <ol>
 *   <li>{@code Span.end()}, on an application thread. {@link ExportQueueAdmission} counts the sampled span ({@link
 *       ExportAccounting}) and lets it into the export queue when the queue has room, else drops it there and then:
 *       counted, and reported once when drops start.
 *   <li>The SDK's {@link BatchSpanProcessor}: the queue ({@code otel.bsp.max.queue.size}), and one thread of its own
 *       that takes a batch ({@code otel.bsp.max.export.batch.size}) out of it as soon as one is full, or every {@code
 *       otel.bsp.schedule.delay}. Taking the batch gives its room in the queue back ({@link
 *       ExportQueueAdmission#freeingRoom}).
 *   <li>{@link ConcurrentExports}: the batch is copied and handed to the exporter without waiting for the result, up
 *       to {@code otel.javaagent.exporter.max-concurrent-exports} exports under way at once; only then does the
 *       processor's thread wait, while the queue absorbs what ends meanwhile.
 *   <li>{@link ExportAccounting#counting}: when the export ends, its spans count as delivered, or the first failure
 *       is reported.
 *   <li>The SDK's OTLP exporter (or Weft's Zipkin exporter, counted alike), marshaling with Weft's one-pass marshaler
 *       ({@link SinglePassSpanExporter}): marshals the batch and sends it (OTLP
 *       over HTTP with the JDK's HTTP client, see {@link HttpSenders}, on {@link ExportThreads}). On 429, 502, 503,
 *       504 and on connection failures the OTLP exporter retries, honouring {@code Retry-After}, with exponential
 *       backoff otherwise (the SDK's default {@code RetryPolicy}: 5 attempts, backoff from 1 s up to 5 s); each
 *       attempt is limited by {@code otel.exporter.otlp.timeout}. {@link PartialSuccess} reads the collector's
 *       answer (OTLP/HTTP and gRPC): spans it rejected are not delivered.
 * </ol>
 *
 * <p>At shutdown the processor exports what is queued, {@link ConcurrentExports} waits for the exports under way,
 * and {@link ExportAccounting} says how many spans of all those ended were not delivered.
 *
 * <p>Memory is bounded whatever the collector does: at most {@code max.queue.size + (max-concurrent-exports + 1) x
 * max.export.batch.size} spans are held (the queue, the exports under way, and the batch the processor's thread
 * holds while it waits for a slot).
 */
final class ExportPipeline {

  static final String MAX_CONCURRENT_EXPORTS = "otel.javaagent.exporter.max-concurrent-exports";

  /**
   * Exports under way at once: with a collector that takes 100 ms to answer, 4 exports of 2,048 spans carry about
   * 80k spans/s, more than the benchmarks' saturated application ends on two cores.
   */
  static final int DEFAULT_MAX_CONCURRENT_EXPORTS = 4;

  /**
   * Weft's defaults for the batch span processor (the SDK's: 2,048 and 512). Each export has a fixed cost that large
   * batches spread, and the export rate is batch size x exports under way / the collector's latency.
   */
  static final int DEFAULT_QUEUE_SIZE = 8192;

  static final int DEFAULT_EXPORT_BATCH_SIZE = 2048;

  private final ExportAccounting accounting = new ExportAccounting();
  private final ExportQueueAdmission admission = new ExportQueueAdmission(accounting);

  /**
   * Where the SDK and the exporters find their services, with the HTTP sender {@link HttpSenders} picks, each sender
   * building its client on its first export ({@link LazySenders}).
   */
  private final ComponentLoader components;

  /** @param serviceLoader the agent's class loader, or the extensions' above it */
  ExportPipeline(ClassLoader serviceLoader) {
    this.components =
        LazySenders.of(HttpSenders.preferringJdk(ComponentLoader.forClassLoader(serviceLoader)));
  }

  /** The component loader to build the SDK with, so that its exporters send as this pipeline does. */
  ComponentLoader components() {
    return components;
  }

  /** Weft's defaults for the export settings, below anything the user sets. */
  static void addDefaults(Map<String, String> defaults) {
    defaults.put("otel.bsp.max.queue.size", Integer.toString(DEFAULT_QUEUE_SIZE));
    defaults.put("otel.bsp.max.export.batch.size", Integer.toString(DEFAULT_EXPORT_BATCH_SIZE));
  }

  /** Steps 2 to 5 in front of an exporter autoconfigure made. */
  SpanExporter exporter(SpanExporter exporter, ConfigProperties config) {
    return exporter(
        exporter, checked(config.getInt(MAX_CONCURRENT_EXPORTS, DEFAULT_MAX_CONCURRENT_EXPORTS)));
  }

  /**
   * @param setting the value of {@link #MAX_CONCURRENT_EXPORTS}, or null
   * @return the exports under way at once it allows
   * @throws ConfigurationException when it is not a number of at least 1
   */
  static int maxConcurrentExports(String setting) {
    if (setting == null || setting.isBlank()) {
      return DEFAULT_MAX_CONCURRENT_EXPORTS;
    }
    try {
      return checked(Integer.parseInt(setting.trim()));
    } catch (NumberFormatException e) {
      throw new ConfigurationException(
          "Invalid value for " + MAX_CONCURRENT_EXPORTS + ": " + setting + " (a number)");
    }
  }

  private static int checked(int maxConcurrentExports) {
    if (maxConcurrentExports < 1) {
      throw new ConfigurationException(
          "Invalid value for "
              + MAX_CONCURRENT_EXPORTS
              + ": "
              + maxConcurrentExports
              + " (at least 1)");
    }
    return maxConcurrentExports;
  }

  /** Steps 2 to 5 in front of an exporter. */
  SpanExporter exporter(SpanExporter exporter, int maxConcurrentExports) {
    SpanExporter sending = exporter;
    if (exporter instanceof OtlpHttpSpanExporter) {
      sending =
          accounting.counting(
              SinglePassSpanExporter.around(
                  readingPartialSuccess((OtlpHttpSpanExporter) exporter)));
    } else if (exporter instanceof OtlpGrpcSpanExporter) {
      sending =
          accounting.counting(
              SinglePassSpanExporter.around(
                  readingPartialSuccess((OtlpGrpcSpanExporter) exporter)));
    } else if (exporter instanceof ZipkinSpanExporter) {
      sending = accounting.counting(exporter);
    }
    return admission.freeingRoom(new ConcurrentExports(sending, maxConcurrentExports));
  }

  /** Step 1 in front of the batch processor autoconfigure made. */
  SpanProcessor processor(SpanProcessor processor, ConfigProperties config) {
    return processor instanceof BatchSpanProcessor
        ? admission.admittingTo(
            processor, config.getInt("otel.bsp.max.queue.size", DEFAULT_QUEUE_SIZE))
        : processor;
  }

  /** Whether the collector failed the latest export: then the shutdown flush is not worth waiting long for. */
  boolean collectorFailing() {
    return accounting.collectorFailing();
  }

  void reportAtShutdown() {
    accounting.reportAtShutdown();
  }

  private OtlpHttpSpanExporter readingPartialSuccess(OtlpHttpSpanExporter exporter) {
    OtlpHttpSpanExporter reading =
        exporter.toBuilder()
            .setComponentLoader(PartialSuccess.readingInto(accounting, components))
            .setExecutorService(ExportThreads.create())
            .build();
    exporter.shutdown(); // made by the SDK's configuration, never used: it built no client
    return reading;
  }

  private OtlpGrpcSpanExporter readingPartialSuccess(OtlpGrpcSpanExporter exporter) {
    OtlpGrpcSpanExporter reading =
        exporter.toBuilder()
            .setComponentLoader(PartialSuccess.readingInto(accounting, components))
            .build();
    exporter.shutdown(); // made by the SDK's configuration, never used: it built no client
    return reading;
  }
}
