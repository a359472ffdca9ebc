package dev.vial.example.echo;

import static dev.vial.Responses.json;

import dev.vial.Blueprint;
import dev.vial.openapi.RouteDoc;

/** Typed path parameters: {@code /users/{id:int}} only matches integers, anything else is a 404. */
final class UserRoutes {

  /** The JSON answer: {@code {"id": 42}}. */
  record User(int id) {}

  private UserRoutes() {}

  /** {@code GET /users/{id:int}}, route {@code user}. */
  static Blueprint blueprint() {
    return new Blueprint("/users")
        .route("GET", "/{id:int}", "user", RouteDoc.of("One user by numeric id").tags("users")
            .response(200, User.class, "The user")
            .response(404, "The id is not an integer")
            .handles(req -> json(new User(req.pathParamInt("id")))));
  }
}
