package dev.weft.smoke.spring;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Owners, from the embedded H2 database through Spring Boot's HikariCP pool: a class-level and method-level path. */
@RestController
@RequestMapping("/owners")
public class OwnerController {

  private final JdbcTemplate jdbc;

  public OwnerController(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @GetMapping("/{ownerId}")
  public String owner(@PathVariable("ownerId") int ownerId) {
    return jdbc.queryForObject("select last_name from owners where id = ?", String.class, ownerId);
  }

  @PostMapping("/{ownerId}/pets/new")
  public String newPet(@PathVariable("ownerId") int ownerId, @RequestParam("name") String name) {
    jdbc.update("insert into pets (owner_id, name) values (?, ?)", ownerId, name);
    return "added " + name;
  }

  @GetMapping("/{ownerId}/fail")
  public String fail(@PathVariable("ownerId") int ownerId) {
    throw new IllegalStateException("boom");
  }
}
