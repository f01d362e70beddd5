package dev.weft.smoke.jersey;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * The resources of both Jersey applications (jersey2-app's build makes the javax.ws.rs copy of this package).
 *
 * <ul>
 *   <li>{@code GET /orders}, {@code POST /orders}: the class path alone</li>
 *   <li>{@code GET /orders/{id}}: class and method paths, a path parameter</li>
 *   <li>{@code GET /orders/{id}/out-of-stock}: throws {@link OutOfStock}, which {@link OutOfStockMapper} answers
 *       with 409</li>
 *   <li>{@code GET /orders/boom}: throws an exception no mapper answers</li>
 *   <li>{@code GET /orders/{id}/items/{itemId}}: through the sub-resource locator {@link #items}</li>
 *   <li>{@code GET /orders/{id}/via-client}: asks this application for {@code /orders/{id}} with the JDK's
 *       HttpClient</li>
 *   <li>any of them with the header {@code X-Deny}: answered 401 by {@link DenyFilter}</li>
 * </ul>
 */
@Path("/orders")
@Produces(MediaType.TEXT_PLAIN)
public class OrdersResource {

  private static final HttpClient CLIENT =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  @GET
  public String list() {
    return "orders";
  }

  @POST
  public Response create(String body) {
    return Response.status(201).entity("created " + body).build();
  }

  @GET
  @Path("{id}")
  public String order(@PathParam("id") String id) {
    return "order " + id;
  }

  @GET
  @Path("{id}/out-of-stock")
  public String outOfStock(@PathParam("id") String id) {
    throw new OutOfStock(id);
  }

  @GET
  @Path("boom")
  public String boom() {
    throw new IllegalStateException("boom");
  }

  @Path("{id}/items")
  public ItemsResource items(@PathParam("id") String id) {
    return new ItemsResource(id);
  }

  @GET
  @Path("{id}/via-client")
  public String viaClient(@PathParam("id") String id, @Context UriInfo uri) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(uri.getBaseUriBuilder().path("orders").path(id).build()).build();
    return "via client: " + CLIENT.send(request, HttpResponse.BodyHandlers.ofString()).body();
  }
}
