package dev.vial.example.echo;

import static dev.vial.Responses.json;

import dev.vial.Blueprint;
import dev.vial.Request;
import dev.vial.Response;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code GET /links}: paths built with {@code urlFor}, so behind an API Gateway stage they carry it. */
final class LinkRoutes {

  private LinkRoutes() {}

  /** {@code GET /links}. */
  static Blueprint blueprint() {
    return new Blueprint("").get("/links", LinkRoutes::links);
  }

  private static Response links(Request req) {
    Map<String, String> links = new LinkedHashMap<>();
    links.put("home", req.urlFor("home"));
    links.put("user", req.urlFor("user", "id", 42));
    links.put("echo", req.urlFor("echo-rest", "rest", "a b/c?d"));
    links.put("search", req.urlFor("home", "q", "x y"));
    return json(links);
  }
}
