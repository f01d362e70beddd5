/**
 * Weft's OTLP/protobuf span marshaler, sent by the SDK's own OTLP exporters ({@link
 * dev.weft.otlp.SinglePassSpanExporter}).
 *
 * <p>Why: the SDK's marshaler (its reusable-data mode included) walks each batch twice: a first pass computes the
 * size of every message, with the UTF-8 length of every string, and keeps them; the second writes, through a
 * stream that checks its buffer for each field. Half the export's CPU went there. {@link
 * dev.weft.otlp.SpanBatchMarshaler} walks the batch once, writing into one array that stays from batch to batch,
 * each length written after its content ({@link dev.weft.otlp.ProtobufOutput}); attribute keys are copied from the
 * UTF-8 bytes the API's keys carry, the resource and the scope from the bytes the SDK's marshalers keep for them.
 *
 * <p>What stays the SDK's: everything but the encoding. The exporter's sender (HTTP with the JDK client or OkHttp,
 * gRPC), headers, compression, TLS, timeouts, retries and {@code Retry-After}, the request size limit and the
 * exporter's metrics are those the SDK's exporter was built with from the configuration. The bytes are those of the
 * SDK's {@code TraceRequestMarshaler} ({@code SpanBatchMarshalerTest} compares them for spans with every field).
 * The SDK's {@code otel.java.exporter.memory.mode} no longer matters for spans: this marshaler makes no object per
 * span either way.
 */
package dev.weft.otlp;
