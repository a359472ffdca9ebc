package dev.vial.example.echo;

import static dev.vial.Responses.json;

import dev.vial.Blueprint;
import java.util.Map;

/** Typed path parameters: {@code /users/{id:int}} only matches integers, anything else is a 404. */
final class UserRoutes {

  private UserRoutes() {}

  /** {@code GET /users/{id:int}}, route {@code user}. */
  static Blueprint blueprint() {
    return new Blueprint("/users")
        .route("GET", "/{id:int}", "user", req -> json(Map.of("id", req.pathParamInt("id"))));
  }
}
