package dev.weft.smoke.spring;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** A path variable in the class-level mapping and another in the method's. */
@RestController
@RequestMapping("/owners/{ownerId}/pets")
public class PetController {

  @GetMapping("/{petId}")
  public String pet(@PathVariable("ownerId") int ownerId, @PathVariable("petId") int petId) {
    return "pet " + petId + " of owner " + ownerId;
  }
}
