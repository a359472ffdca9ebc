package dev.vial.example.echo;

import static dev.vial.Responses.json;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vial.Blueprint;
import dev.vial.openapi.RouteDoc;
import java.util.Map;

/** JSON binding: the body is parsed and sent back; a malformed body is the framework's 400. */
final class JsonRoutes {

  private JsonRoutes() {}

  /** {@code POST /json}. */
  static Blueprint blueprint() {
    return new Blueprint("/json")
        .post("/", RouteDoc.of("Sends a JSON body back").tags("json")
            .body(Map.class)
            .response(200, JsonNode.class, "The body, parsed and written again")
            .response(400, "The body is not valid JSON")
            .handles(req -> json(req.json(JsonNode.class))));
  }
}
