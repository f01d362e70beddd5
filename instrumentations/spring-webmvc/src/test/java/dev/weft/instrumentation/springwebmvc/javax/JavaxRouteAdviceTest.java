package dev.weft.instrumentation.springwebmvc.javax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.weft.instrumentation.api.http.HttpServerRoute;
import dev.weft.instrumentation.springwebmvc.SpringRoutes;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;
import javax.servlet.DispatcherType;
import javax.servlet.RequestDispatcher;
import javax.servlet.http.HttpServletRequest;
import org.junit.jupiter.api.Test;

/** The advice as Spring's dispatcher calls it, on the javax form (the jakarta form is generated from it). */
class JavaxRouteAdviceTest {

  /** The servlet module's request state, as it puts it in the request's context. */
  private static final class ServerRequest extends HttpServerRoute {
    final Context context = storeIn(Context.root());
  }

  /** Spring 6's {@code PathPattern} gives its pattern text by {@code toString()}. */
  private static final class PathPattern {
    @Override
    public String toString() {
      return "/owners/{ownerId}";
    }
  }

  private final ServerRequest serverRequest = new ServerRequest();

  @Test
  void matchedPatternNamesTheRequest() {
    dispatch(request(DispatcherType.REQUEST, "/owners/{ownerId}"));
    assertEquals("/petclinic/owners/{ownerId}", serverRequest.frameworkRoute());
  }

  @Test
  void pathPatternObjectGivesItsText() {
    dispatch(request(DispatcherType.REQUEST, new PathPattern()));
    assertEquals("/petclinic/owners/{ownerId}", serverRequest.frameworkRoute());
  }

  @Test
  void firstRouteWins() {
    dispatch(request(DispatcherType.REQUEST, "/owners/{ownerId}"));
    dispatch(request(DispatcherType.FORWARD, "/owners/{ownerId}/edit"));
    assertEquals("/petclinic/owners/{ownerId}", serverRequest.frameworkRoute());
  }

  @Test
  void errorDispatchNeverSetsTheRoute() {
    // an unmatched request that the container hands to Spring Boot's /error
    dispatch(request(DispatcherType.ERROR, "/error"));
    assertNull(serverRequest.frameworkRoute());
  }

  @Test
  void errorPageForwardNeverSetsTheRoute() {
    // Spring Boot's ErrorPageFilter (in a war) forwards to /error with the error attributes set
    HttpServletRequest forward =
        request(DispatcherType.FORWARD, "/error", RequestDispatcher.ERROR_STATUS_CODE, 404);
    dispatch(forward);
    assertNull(serverRequest.frameworkRoute());
  }

  @Test
  void includeNeverSetsTheRoute() {
    dispatch(request(DispatcherType.INCLUDE, "/fragments/menu"));
    assertNull(serverRequest.frameworkRoute());
  }

  @Test
  void noPatternNoRoute() {
    dispatch(request(DispatcherType.REQUEST, null));
    assertNull(serverRequest.frameworkRoute());
  }

  @Test
  void outsideATracedRequestNothingHappens() {
    JavaxRouteAdvice.exit(
        request(DispatcherType.REQUEST, "/owners/{ownerId}")); // no server request current
    assertNull(serverRequest.frameworkRoute());
  }

  private void dispatch(HttpServletRequest request) {
    try (Scope ignored = serverRequest.context.makeCurrent()) {
      JavaxRouteAdvice.exit(request);
    }
  }

  /** A request to {@code /petclinic/...} through a DispatcherServlet at {@code /}, with these attributes. */
  private static HttpServletRequest request(
      DispatcherType type, Object pattern, Object... moreAttributes) {
    Map<String, Object> attributes = new HashMap<>();
    if (pattern != null) {
      attributes.put(SpringRoutes.BEST_MATCHING_PATTERN, pattern);
    }
    for (int i = 0; i < moreAttributes.length; i += 2) {
      attributes.put((String) moreAttributes[i], moreAttributes[i + 1]);
    }
    return (HttpServletRequest)
        Proxy.newProxyInstance(
            JavaxRouteAdviceTest.class.getClassLoader(),
            new Class<?>[] {HttpServletRequest.class},
            (proxy, method, args) -> {
              switch (method.getName()) {
                case "getDispatcherType":
                  return type;
                case "getAttribute":
                  return attributes.get((String) args[0]);
                case "getContextPath":
                  return "/petclinic";
                case "getServletPath":
                  return "/owners/42";
                case "getPathInfo":
                  return null;
                default:
                  throw new UnsupportedOperationException(method.getName());
              }
            });
  }
}
