package dev.vial.example.echo;

import static dev.vial.Responses.json;

import dev.vial.Blueprint;
import dev.vial.openapi.RouteDoc;
import java.util.Map;

/** A signed-cookie session holding a counter. */
final class SessionRoutes {

  private SessionRoutes() {}

  /** {@code GET /session} counts up, {@code DELETE /session} clears the session. */
  static Blueprint blueprint() {
    return new Blueprint("/session")
        .get("/", RouteDoc.of("Counts up in the signed-cookie session").tags("session")
            .response(200, Map.class, "{\"count\":N}, with the session cookie")
            .handles(req -> {
          long count = req.session().getLong("count", 0) + 1;
          req.session().put("count", count);
          return json(Map.of("count", count));
        }))
        .delete("/", RouteDoc.of("Clears the session").tags("session")
            .response(200, Map.class, "{\"count\":0}, with an expired session cookie")
            .handles(req -> {
          req.session().clear();
          return json(Map.of("count", 0));
        }));
  }
}
