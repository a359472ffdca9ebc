package dev.vial.example.echo;

import static dev.vial.Responses.json;

import dev.vial.Blueprint;
import java.util.Map;

/** A signed-cookie session holding a counter. */
final class SessionRoutes {

  private SessionRoutes() {}

  /** {@code GET /session} counts up, {@code DELETE /session} clears the session. */
  static Blueprint blueprint() {
    return new Blueprint("/session")
        .get("/", req -> {
          long count = req.session().getLong("count", 0) + 1;
          req.session().put("count", count);
          return json(Map.of("count", count));
        })
        .delete("/", req -> {
          req.session().clear();
          return json(Map.of("count", 0));
        });
  }
}
