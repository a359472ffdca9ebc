package dev.vial.example.echo;

import static dev.vial.Responses.json;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.vial.Blueprint;
import dev.vial.Request;
import dev.vial.Response;
import dev.vial.openapi.RouteDoc;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code GET /links}: paths built with {@code urlFor}, so behind an API Gateway stage they carry it. */
final class LinkRoutes {

  private LinkRoutes() {}

  /** {@code GET /links}. */
  static Blueprint blueprint() {
    return new Blueprint("").get("/links", RouteDoc.of("Paths built with urlFor").tags("links")
        .response(200, new TypeReference<Map<String, String>>() {}, "home, user, echo and search paths")
        .handles(LinkRoutes::links));
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
