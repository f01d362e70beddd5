package dev.weft.smoke.spring;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerResponse;

/** A functional route. */
@Configuration
public class VetRoutes {

  @Bean
  public RouterFunction<ServerResponse> vets() {
    return RouterFunctions.route()
        .GET(
            "/vets/{vetId}",
            request -> ServerResponse.ok().body("vet " + request.pathVariable("vetId")))
        .build();
  }
}
