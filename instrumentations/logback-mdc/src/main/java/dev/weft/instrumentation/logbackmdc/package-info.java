/**
 * {@code trace_id}, {@code span_id} and {@code trace_flags} (the OpenTelemetry agent's keys) in the MDC of
 * Logback's logging events while a span is current, so that patterns such as {@code %X{trace_id}} print them.
 *
 * <p>Design choices:
 * <ul>
 *   <li>The advice sits on the exit of {@code LoggingEvent.getMDCPropertyMap()}, which Logback calls first on the
 *       logging thread: when a layout formats the event, or when an {@code AsyncAppender} prepares it for its
 *       worker thread. The map returned is stored in the event's {@code mdcPropertyMap} field, so every later call
 *       (other appenders, the worker thread) sees the ids taken where the application logged.</li>
 *   <li>The map is a read-only view over the MDC snapshot Logback took plus the three ids: one small object per
 *       event inside a span, no copy of the MDC. It serializes as a plain {@code HashMap}, so socket appenders'
 *       receivers need no Weft class. Outside any span the event is left exactly as Logback made it, at the cost of
 *       one look-up of the current span; an MDC that already has a {@code trace_id} is left alone.</li>
 *   <li>The module names no Logback class (the advice sees only a {@code Map}), so it serves Logback 1.2 to 1.5
 *       alike; Logback 1.2's Java 6 class files are raised to Java 7 by the agent to take the advice.</li>
 * </ul>
 */
package dev.weft.instrumentation.logbackmdc;
