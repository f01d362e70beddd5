/**
 * {@code otel.traces.exporter=zipkin}: spans as Zipkin's JSON v2, posted to {@code otel.exporter.zipkin.endpoint}.
 *
 * <p>The SDK's Zipkin exporter was last released with SDK 1.63 (it brought Zipkin's model, reporter and an OkHttp
 * sender) and does not match the SDK Weft ships, so Weft writes the format itself: one JSON array per batch, sent
 * with the JDK's HTTP client, no dependency. The mapping is the one the SDK's exporter and the OpenTelemetry
 * specification's Zipkin mapping use: trace, parent and span ids in hex; kind (none for INTERNAL); timestamp and
 * duration in microseconds; {@code service.name} as the local endpoint; attributes as string tags (arrays joined
 * with commas); {@code otel.status_code}, and {@code error} with the description for an error status; the
 * instrumentation scope as {@code otel.scope.name} and {@code otel.scope.version}; events as annotations.
 */
package dev.weft.agent.zipkin;
