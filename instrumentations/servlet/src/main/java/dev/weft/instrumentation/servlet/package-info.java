/**
 * SERVER spans for servlet containers, javax ({@code javax.servlet} 3.0-4.0) and jakarta ({@code jakarta.servlet}
 * 5-6).
 *
 * <p>Design choices:
 * <ul>
 *   <li>The span starts at the outermost {@code Filter.doFilter} or {@code Servlet.service} of a request, so a
 *       filter that answers by itself is traced too. Candidate types are pre-filtered by name (a class whose name
 *       contains {@code Servlet} or {@code Filter}) before their hierarchy is read; {@code HttpServlet} itself is
 *       always covered, so every servlet that extends it is traced whatever its name.</li>
 *   <li>Nested calls (more filters, forwards, includes) see the server span in the current context and add
 *       nothing. Later dispatches of the same request (async dispatch, error pages) find its context in a request
 *       attribute and run with it current. The attribute is set when the first dispatch returns, and only when
 *       another may follow (async started, an exception, a status from 400 up): containers run a later dispatch
 *       only after the first has returned, and most requests are spared the container's attribute map.</li>
 *   <li>An async request ends its span from an {@code AsyncListener}, when the async context completes, fails or
 *       times out.</li>
 *   <li>The logic is written once in {@code common}, over a {@code ServletAccess} adapter; the {@code javax} package
 *       holds only what names the API (adapter, advice, async listener, module), and the build generates the
 *       {@code jakarta} package from it by swapping the namespace.</li>
 * </ul>
 */
package dev.weft.instrumentation.servlet;
