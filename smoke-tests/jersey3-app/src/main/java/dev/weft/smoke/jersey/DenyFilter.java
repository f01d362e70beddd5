package dev.weft.smoke.jersey;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

/** Runs after matching, before the resource method: answers 401 itself to a request with {@code X-Deny}. */
@Provider
public class DenyFilter implements ContainerRequestFilter {

  @Override
  public void filter(ContainerRequestContext request) {
    if (request.getHeaderString("X-Deny") != null) {
      request.abortWith(Response.status(401).build());
    }
  }
}
