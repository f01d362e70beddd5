/**
 * CLIENT spans for the JDK's {@code java.net.http.HttpClient}, {@code send} and {@code sendAsync}.
 *
 * <p>Design choices:
 * <ul>
 *   <li>The advice sits on {@code jdk.internal.net.http.HttpClientImpl}, the one implementation behind every
 *       client. Requests are immutable, so the advice replaces the request argument with a copy that carries the
 *       propagation headers.</li>
 *   <li>One span per {@code send}/{@code sendAsync} call: redirects and retries the client follows itself stay
 *       inside it, and a call nested in another client span (a client built on this one) adds none.</li>
 *   <li>{@code sendAsync} returns a future that completes with the caller's context current, so dependent stages
 *       that run on completion run in the caller's trace.</li>
 * </ul>
 */
package dev.weft.instrumentation.javahttpclient;
