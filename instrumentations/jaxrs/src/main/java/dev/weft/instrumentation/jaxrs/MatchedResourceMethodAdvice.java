package dev.weft.instrumentation.jaxrs;

import net.bytebuddy.asm.Advice;
import org.glassfish.jersey.server.ExtendedUriInfo;
import org.glassfish.jersey.server.model.ResourceMethod;

/** Woven into {@code UriRoutingContext.setMatchedResourceMethod}: the request's resource method is chosen. */
public final class MatchedResourceMethodAdvice {

  private MatchedResourceMethodAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
  public static void enter(
      @Advice.This ExtendedUriInfo routingContext,
      @Advice.Argument(0) ResourceMethod resourceMethod) {
    JerseyRoutes.matched(routingContext, resourceMethod);
  }
}
