package dev.vial.testkit;

import static dev.vial.Responses.json;
import static dev.vial.Responses.ok;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import dev.vial.App;
import dev.vial.Blueprint;
import dev.vial.openapi.ApiInfo;
import dev.vial.openapi.RouteDoc;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** An app with every path parameter type and every schema shape the OpenAPI generator knows. */
final class KitchenSinkApi {

  enum Status { ACTIVE, @JsonProperty("on-hold") ON_HOLD }

  record Address(String street, Optional<String> zip) {}

  record Tree(String label, List<Tree> children) {}

  record Page<T>(List<T> items, int total, Optional<String> next) {}

  record Everything(
      boolean flag, Boolean boxedFlag, int small, Integer boxedSmall, long big, Long boxedBig,
      short tiny, byte octet, float ratio, double precise, Double boxedPrecise, BigDecimal money, char initial,
      String text, Status status, List<String> names, Set<Integer> uniqueNumbers, int[] numbers,
      String[] words, byte[] blob, Map<String, Address> addressesByName, Map<String, List<Long>> idsByGroup,
      Optional<Address> billing, Address shipping, UUID id, Instant at, LocalDate day,
      @JsonProperty("display_name") String displayName, JsonNode anything, Tree tree, Page<Address> page) {}

  private KitchenSinkApi() {}

  static App create() {
    Blueprint things = new Blueprint("/things")
        .get("/{id:int}", RouteDoc.of("By int").response(200, Everything.class, "The thing")
            .response(404, "No such thing").handles(req -> json(Map.of())))
        .get("/{id:long}", RouteDoc.of("By long").handles(req -> ok("long")))
        .get("/{id:uuid}", RouteDoc.of("By uuid").handles(req -> ok("uuid")))
        .get("/{name}", RouteDoc.of("By name").handles(req -> ok("name")))
        .route("GET", "/files/{rest:path}", "fileByPath", req -> ok("file"))
        .put("/{id:int}", RouteDoc.of("Replace").body(Everything.class)
            .response(200, Everything.class, "Replaced").handles(req -> ok("put")))
        .delete("/{id:int}", req -> ok("deleted"))
        .head("/{id:int}", req -> ok(""))
        .options("/{id:int}", req -> ok(""));
    return new App()
        .openApi(new ApiInfo("Kitchen sink", "1.2.3", "Every shape"))
        .get("/", req -> ok("home"))
        .get("/search", RouteDoc.of("Search").description("Finds things.").tags("things", "search")
            .requiredQuery("q", String.class, "The query")
            .query("limit", int.class, "At most this many")
            .query("status", Status.class, null)
            .query("tag", new TypeReference<List<String>>() {}.getType(), "Repeatable")
            .query("after", Instant.class, "Changed since")
            .response(200, new TypeReference<Page<Everything>>() {}, "A page")
            .response(400, "Bad query")
            .handles(req -> json(Map.of())))
        .post("/raw", RouteDoc.of("Raw upload").body("application/octet-stream", byte[].class)
            .response(200, "text/plain", String.class, "Its size").handles(req -> ok("0")))
        .post("/json", RouteDoc.of("Any object").body(Map.class)
            .response(200, JsonNode.class, "The same object").handles(req -> json(Map.of())))
        .post("/trees", RouteDoc.of("A tree").body(Tree.class).response(201, "Created").handles(req -> ok("")))
        .register(things);
  }
}
