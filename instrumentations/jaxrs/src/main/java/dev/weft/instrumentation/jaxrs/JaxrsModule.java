package dev.weft.instrumentation.jaxrs;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.weft.instrumentation.api.InstrumentationModule;
import dev.weft.instrumentation.api.Requirement;
import dev.weft.instrumentation.api.TypeInstrumentation;
import java.util.List;

/**
 * Routes from Jersey, 2.x ({@code javax.ws.rs}) and 3.x ({@code jakarta.ws.rs}) alike: Jersey's own classes keep
 * their names across the namespace change, and they are all the module uses.
 */
public final class JaxrsModule extends InstrumentationModule {

  private static final String ROUTING_CONTEXT =
      "org.glassfish.jersey.server.internal.routing.UriRoutingContext";
  private static final String EXTENDED_URI_INFO = "org.glassfish.jersey.server.ExtendedUriInfo";
  private static final String MODEL = "org.glassfish.jersey.server.model.";

  public JaxrsModule() {
    super("jaxrs");
  }

  @Override
  public String supportedVersions() {
    return "Jersey 2.x (javax.ws.rs) and 3.x (jakarta.ws.rs)";
  }

  @Override
  public boolean mayApplyTo(String className) {
    return className.equals(ROUTING_CONTEXT);
  }

  @Override
  public String markerClass() {
    return ROUTING_CONTEXT;
  }

  @Override
  public List<Requirement> requirements() {
    return List.of(
        Requirement.method(
            ROUTING_CONTEXT,
            "setMatchedResourceMethod",
            "(Lorg/glassfish/jersey/server/model/ResourceMethod;)V"),
        Requirement.method(EXTENDED_URI_INFO, "getMatchedTemplates", "()Ljava/util/List;"),
        Requirement.method(EXTENDED_URI_INFO, "getMatchedResourceLocators", "()Ljava/util/List;"),
        Requirement.method(EXTENDED_URI_INFO, "getBaseUri", "()Ljava/net/URI;"),
        Requirement.method(
            "org.glassfish.jersey.uri.UriTemplate", "getTemplate", "()Ljava/lang/String;"),
        Requirement.method(
            MODEL + "ResourceMethod",
            "getInvocable",
            "()Lorg/glassfish/jersey/server/model/Invocable;"),
        Requirement.method(
            MODEL + "Invocable",
            "getHandler",
            "()Lorg/glassfish/jersey/server/model/MethodHandler;"),
        Requirement.method(MODEL + "MethodHandler", "getHandlerClass", "()Ljava/lang/Class;"));
  }

  /**
   * Jersey's routing ends by telling the request's routing context which resource method it chose, after it has
   * pushed the templates of every path it matched on the way there.
   */
  @Override
  public List<TypeInstrumentation> typeInstrumentations() {
    return List.of(
        TypeInstrumentation.forTypes(named(ROUTING_CONTEXT))
            .advise(
                named("setMatchedResourceMethod").and(takesArguments(1)),
                MatchedResourceMethodAdvice.class));
  }
}
