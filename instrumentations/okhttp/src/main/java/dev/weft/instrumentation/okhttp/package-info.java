/**
 * CLIENT spans for OkHttp ({@code okhttp3}, 3.12 to 5.x), synchronous and asynchronous.
 *
 * <p>Design choices:
 * <ul>
 *   <li>Every {@code OkHttpClient} gets {@link dev.weft.instrumentation.okhttp.TracingInterceptor} as its first
 *       application interceptor, added to the builder when the client is constructed. An application interceptor
 *       sees one logical call: redirects and retries OkHttp follows by itself stay inside the one span, which
 *       ends with the final response. The {@code traceparent} it injects names that span.</li>
 *   <li>For {@code enqueue}, the caller's context is captured when OkHttp creates its {@code AsyncCall} and made
 *       current while the call runs on the dispatcher thread, so the span is the caller's child and the
 *       application's callback runs with the caller's context current.</li>
 * </ul>
 */
package dev.weft.instrumentation.okhttp;
