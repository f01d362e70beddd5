/**
 * {@code http.route} for requests Spring Web MVC handles (5.3 on {@code javax.servlet}, 6.x and 7.x on
 * {@code jakarta.servlet}): the SERVER span the servlet module starts is named {@code {METHOD} {route}} by the path
 * template of the handler Spring chose ({@code GET /petclinic/owners/{ownerId}}) rather than by the
 * {@code DispatcherServlet}'s mapping, which is the same for every request and so gives no route.
 *
 * <p>Design choices:
 * <ul>
 *   <li>Spring itself records the pattern it matched in the request attribute
 *       {@code HandlerMapping.bestMatchingPattern} (a String, or a {@code PathPattern} whose {@code toString()} is
 *       its text), for annotated controllers, functional routes ({@code RouterFunction}, when a path predicate
 *       matched) and URL mappings such as resource handlers ({@code /**}, {@code /webjars/**}). The module reads it
 *       once per request and hands it to the servlet module through
 *       {@link dev.weft.instrumentation.api.http.HttpServerRoute}: no handler lookup of its own, no reflection.</li>
 *   <li>The hook is the exit of {@code HandlerExecutionChain.applyPreHandle}, which only the
 *       {@code DispatcherServlet} calls, once per dispatch, just before the handler runs. Earlier would be too
 *       early: a URL mapping exposes its pattern from the first interceptor of the chain, not from
 *       {@code getHandler}; and {@code getHandler} is also called outside dispatch (Spring Security's
 *       {@code HandlerMappingIntrospector}). It is one final class, found by its exact name, so the name test costs
 *       one string comparison per loaded class.</li>
 *   <li>The first route wins ({@code HttpServerRoute.update}): a {@code forward:} or an async re-dispatch keeps the
 *       route of the handler the request was for. An error page never sets one: Spring Boot's {@code /error},
 *       reached by the container's ERROR dispatch (or, in a war, a forward from Spring Boot's
 *       {@code ErrorPageFilter}, seen by the error attributes), renders another handler's failure, or a 404 that no
 *       handler matched, which so keeps no route. Includes are left out too.</li>
 *   <li>The route has the context path, and the {@code DispatcherServlet}'s servlet path when it is mapped at a
 *       prefix ({@code /api/*}), in front of the pattern, since Spring matches the path within the servlet's
 *       mapping. A prefix mapping is told by its path info; with the default mapping ({@code /}) the servlet path
 *       is the whole path and is not added. (An application that maps the dispatcher at a prefix and also makes
 *       Spring match the full path, {@code alwaysUseFullPath}, gets the prefix twice.)</li>
 *   <li>One module for both namespaces: the advice names only the servlet API, and the build generates the
 *       jakarta advice from the javax one. Its requirements are only what both share (the marker class), since
 *       the module is on whichever the application uses; the method matcher picks the advice by the namespace of
 *       {@code applyPreHandle}'s parameters.</li>
 * </ul>
 *
 * <p>HTTP semantic conventions v1.37 (stable) for {@code http.route}.
 */
package dev.weft.instrumentation.springwebmvc;
