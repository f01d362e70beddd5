/**
 * CLIENT spans for the JDK's {@code HttpURLConnection} (and {@code HttpsURLConnection}, which delegates to it).
 *
 * <p>Design choices: the advice sits on {@code sun.net.www.protocol.http.HttpURLConnection}, the JDK's one
 * implementation. The span starts at the first of {@code connect}, {@code getOutputStream} or
 * {@code getInputStream} (headers are injected then, before the request is sent) and ends when the outermost
 * {@code getInputStream} returns or fails ({@code getResponseCode} goes through it), or when connecting fails.
 * A connection whose response is never read leaves its span unended.
 */
package dev.weft.instrumentation.httpurlconnection;
