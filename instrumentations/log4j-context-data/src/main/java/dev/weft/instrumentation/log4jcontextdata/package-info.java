/**
 * {@code trace_id}, {@code span_id} and {@code trace_flags} (the OpenTelemetry agent's keys) in the context data of
 * Log4j 2's log events while a span is current, so that patterns such as {@code %X{trace_id}} print them.
 *
 * <p>Design choices:
 * <ul>
 *   <li>Log4j fills each event's context data through a {@code ContextDataInjector} that its event factories and
 *       async loggers take from {@code ContextDataInjectorFactory.createInjector()}, once each. The advice wraps
 *       what that returns, so nothing is woven into the per-event path itself.</li>
 *   <li>The wrapper runs Log4j's injector, then adds the ids: into the event's own reusable map when Log4j filled
 *       that one (no allocation), or into a copy when Log4j handed back the thread context's shared, frozen map.
 *       Outside any span it adds nothing, at the cost of one look-up of the current span; context data that
 *       already has a {@code trace_id} is left alone. The thread context itself is never changed.</li>
 *   <li>The injector runs where the event is created, on the logging thread, so async loggers and appenders print
 *       the ids of the span current where the application logged.</li>
 * </ul>
 */
package dev.weft.instrumentation.log4jcontextdata;
