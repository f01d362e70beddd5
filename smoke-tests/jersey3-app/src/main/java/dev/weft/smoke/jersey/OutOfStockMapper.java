package dev.weft.smoke.jersey;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Answers {@link OutOfStock} with 409. */
@Provider
public class OutOfStockMapper implements ExceptionMapper<OutOfStock> {

  @Override
  public Response toResponse(OutOfStock exception) {
    return Response.status(409).entity(exception.getMessage()).build();
  }
}
