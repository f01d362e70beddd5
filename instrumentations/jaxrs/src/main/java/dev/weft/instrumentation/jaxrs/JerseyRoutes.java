package dev.weft.instrumentation.jaxrs;

import dev.weft.instrumentation.api.http.HttpServerRoute;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.ListIterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.glassfish.jersey.server.ExtendedUriInfo;
import org.glassfish.jersey.server.model.ResourceMethod;
import org.glassfish.jersey.uri.UriTemplate;

/**
 * Gives the server request in progress the route of the resource method Jersey chose for it.
 *
 * <p>A root resource's method is always reached through the same templates, so its route is worked out once per
 * base path and kept. It is kept with the resource class, in a {@link ClassValue}: the entry goes away with the
 * application that defined the class, even where Jersey itself is shared by several applications (an application
 * server) and outlives them. A method reached through a sub-resource locator may be reached through other locators
 * too, and Jersey may build its model anew per request, so its route is worked out per request; so is the route of
 * Jersey's own resources (generated {@code OPTIONS} methods, WADL), which must not hold an application's model.
 */
final class JerseyRoutes {

  private static final ClassValue<Map<ResourceMethod, CachedRoute>> BY_RESOURCE_CLASS =
      new ClassValue<>() {
        @Override
        protected Map<ResourceMethod, CachedRoute> computeValue(Class<?> resourceClass) {
          return new ConcurrentHashMap<>();
        }
      };

  private JerseyRoutes() {}

  /** One resource method's route under one base path. */
  private static final class CachedRoute {
    final String basePath;
    final String route;

    CachedRoute(String basePath, String route) {
      this.basePath = basePath;
      this.route = route;
    }
  }

  /** Routing chose {@code resourceMethod}; {@code routingContext} holds the templates it matched on the way. */
  static void matched(ExtendedUriInfo routingContext, ResourceMethod resourceMethod) {
    Context context = Context.current();
    HttpServerRoute request = HttpServerRoute.fromContext(context);
    if (request == null
        || request.frameworkRoute() != null
        || !Span.fromContext(context).isRecording()) {
      return; // no traced servlet request, a route named already (first wins), or a span nobody
      // will see
    }
    HttpServerRoute.update(context, route(routingContext, resourceMethod));
  }

  /** The full route of the request {@code routingContext} routed to {@code resourceMethod}. */
  static String route(ExtendedUriInfo routingContext, ResourceMethod resourceMethod) {
    String basePath = routingContext.getBaseUri().getRawPath();
    if (!routingContext.getMatchedResourceLocators().isEmpty()) {
      return RouteTemplates.join(basePath, templatesFromRoot(routingContext));
    }
    Class<?> resourceClass = resourceMethod.getInvocable().getHandler().getHandlerClass();
    Map<ResourceMethod, CachedRoute> routes = BY_RESOURCE_CLASS.get(resourceClass);
    CachedRoute cached = routes.get(resourceMethod);
    if (cached != null && cached.basePath.equals(basePath)) {
      return cached.route;
    }
    String route = RouteTemplates.join(basePath, templatesFromRoot(routingContext));
    if (!resourceClass.getName().startsWith("org.glassfish.jersey.")) {
      routes.put(resourceMethod, new CachedRoute(basePath, route));
    }
    return route;
  }

  /** Jersey lists the matched templates innermost first. */
  private static List<String> templatesFromRoot(ExtendedUriInfo routingContext) {
    List<UriTemplate> matched = routingContext.getMatchedTemplates();
    List<String> templates = new ArrayList<>(matched.size());
    for (ListIterator<UriTemplate> each = matched.listIterator(matched.size());
        each.hasPrevious(); ) {
      templates.add(each.previous().getTemplate());
    }
    return templates;
  }
}
