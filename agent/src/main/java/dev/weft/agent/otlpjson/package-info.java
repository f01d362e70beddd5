/**
 * {@code otel.traces.exporter=logging-otlp}: each batch as one line of OTLP JSON (an {@code ExportTraceServiceRequest},
 * {@code {"resourceSpans":[...]}}) on stdout, for platforms that ship logs rather than accept OTLP.
 *
 * <p>The SDK's {@code opentelemetry-exporter-logging-otlp} is not published for the SDK version Weft ships (the last
 * is 1.63), and it writes through {@code java.util.logging}: two lines per batch on stderr. Weft's exporter uses the
 * OTLP JSON marshaler of the SDK's OTLP exporter, which the agent carries anyway, and writes each line with one call,
 * so that lines of the application's own output never cut into it.
 */
package dev.weft.agent.otlpjson;
