/**
 * {@code http.route} and the SERVER span's name from JAX-RS on Jersey 2.x ({@code javax.ws.rs}) and 3.x
 * ({@code jakarta.ws.rs}): {@code GET /shop/api/orders/{id}} for a resource method {@code @Path("{id}")} of a class
 * {@code @Path("/orders")} in an application under {@code /api} (its {@code @ApplicationPath} or servlet mapping)
 * of the servlet context {@code /shop}. The servlet module starts and ends the span; this module only names its
 * route through {@link dev.weft.instrumentation.api.http.HttpServerRoute}. HTTP semantic conventions v1.37.
 *
 * <p>Design choices:
 * <ul>
 *   <li>One hook: Jersey's routing ends with {@code UriRoutingContext.setMatchedResourceMethod}, once per request
 *       that matched a resource method, when the templates of every path matched on the way (class, method,
 *       sub-resource locators) are known. It comes before the request filters that run after matching and before
 *       the method, so a request a filter aborts (401) or whose exception an {@code ExceptionMapper} answers keeps
 *       its route. A request no resource method matched (404, 405) gets no route from here; the servlet mapping's
 *       stands ({@code /shop/api/*}, or none for a servlet at {@code /*}). The type matcher names that one class.</li>
 *   <li>The base path is the path of Jersey's base URI, which Jersey's servlet container builds from the context
 *       path and the servlet path (or a filter's configured context path), so {@code @ApplicationPath}, servlet
 *       mappings and filters come out alike without the module touching the servlet API.</li>
 *   <li>The module names no {@code javax.ws.rs} or {@code jakarta.ws.rs} type, only Jersey's own
 *       ({@code org.glassfish.jersey}), whose names did not change with the namespace; so one build of it links
 *       against Jersey 2 and 3 (a unit test checks the compiled classes).</li>
 *   <li>The route of a root resource's method is worked out once per base path and kept with the resource class
 *       ({@link java.lang.ClassValue}, so it goes when the application goes); a request then costs a few field
 *       reads and two lock-free lookups, no allocation. Routes through sub-resource locators are worked out per
 *       request (see {@code JerseyRoutes}). Nothing is done when no traced servlet request is in progress, when a
 *       route is set already, or when the span is not recorded.</li>
 * </ul>
 */
package dev.weft.instrumentation.jaxrs;
