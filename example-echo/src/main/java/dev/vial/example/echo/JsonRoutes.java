package dev.vial.example.echo;

import static dev.vial.Responses.json;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vial.Blueprint;

/** JSON binding: the body is parsed and sent back; a malformed body is the framework's 400. */
final class JsonRoutes {

  private JsonRoutes() {}

  /** {@code POST /json}. */
  static Blueprint blueprint() {
    return new Blueprint("/json")
        .post("/", req -> json(req.json(JsonNode.class)));
  }
}
