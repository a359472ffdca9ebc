package dev.vial.openapi;

import static dev.vial.Responses.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vial.App;
import dev.vial.Blueprint;
import dev.vial.Request;
import dev.vial.Response;
import java.util.List;
import org.junit.jupiter.api.Test;

class OpenApiTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  record User(int id) {}

  private static App app() {
    return new App()
        .get("/", req -> ok("home"))
        .get("/users/{id:int}", RouteDoc.of("One user").response(200, User.class, "The user")
            .handles(req -> ok("user")))
        .route("GET", "/accounts/{id:long}", "account", req -> ok("account"))
        .get("/sessions/{id:uuid}", req -> ok("session"))
        .get("/tags/{tag}", req -> ok("tag"))
        .get("/files/{rest:path}", req -> ok("file"))
        .head("/users/{id:int}", req -> ok(""));
  }

  @Test
  void isOpenApi303WithTheAppsInfo() {
    ObjectNode doc = OpenApi.document(new App().openApi(new ApiInfo("Orders", "2.1", "All the orders")));

    assertThat(doc.get("openapi").asText()).isEqualTo("3.0.3");
    assertThat(doc.get("info").toString()).isEqualTo("{\"title\":\"Orders\",\"description\":\"All the orders\","
        + "\"version\":\"2.1\"}");
  }

  @Test
  void listsEveryPathAndMethodWithTypedParametersWithoutTheirTypeInThePath() {
    JsonNode paths = OpenApi.document(app()).get("paths");

    assertThat(paths.fieldNames()).toIterable().containsExactly("/", "/accounts/{id}", "/files/{rest}",
        "/sessions/{id}", "/tags/{tag}", "/users/{id}");
    assertThat(schemaOf(paths, "/users/{id}")).isEqualTo("{\"type\":\"integer\",\"format\":\"int32\"}");
    assertThat(schemaOf(paths, "/accounts/{id}")).isEqualTo("{\"type\":\"integer\",\"format\":\"int64\"}");
    assertThat(schemaOf(paths, "/sessions/{id}")).isEqualTo("{\"type\":\"string\",\"format\":\"uuid\"}");
    assertThat(schemaOf(paths, "/tags/{tag}")).isEqualTo("{\"type\":\"string\"}");
    assertThat(paths.at("/~1users~1{id}/get/parameters/0/required").asBoolean()).isTrue();
  }

  @Test
  void documentsARestOfPathParameterAsAPlainStringAndSaysSo() {
    JsonNode param = OpenApi.document(app()).at("/paths/~1files~1{rest}/get/parameters/0");

    assertThat(param.get("schema").toString()).isEqualTo("{\"type\":\"string\"}");
    assertThat(param.get("description").asText()).contains("{rest:path}", "slashes included", "plain string");
  }

  @Test
  void listsHeadAndOptionsOnlyWhereRegistered() {
    JsonNode paths = OpenApi.document(app()).get("paths");

    assertThat(paths.get("/users/{id}").fieldNames()).toIterable().containsExactlyInAnyOrder("get", "head");
    assertThat(paths.get("/tags/{tag}").fieldNames()).toIterable().containsExactly("get");
  }

  @Test
  void namesOperationsAfterTheirRouteOrElseAfterMethodAndPath() {
    JsonNode paths = OpenApi.document(app()).get("paths");

    assertThat(paths.at("/~1accounts~1{id}/get/operationId").asText()).isEqualTo("account");
    assertThat(paths.at("/~1users~1{id}/get/operationId").asText()).isEqualTo("getUsersById");
    assertThat(paths.at("/~1users~1{id}/head/operationId").asText()).isEqualTo("headUsersById");
    assertThat(paths.at("/~1/get/operationId").asText()).isEqualTo("getRoot");
    assertThat(paths.at("/~1files~1{rest}/get/operationId").asText()).isEqualTo("getFilesByRest");
  }

  @Test
  void appendsTheMethodToANameThatLabelsSeveralMethods() {
    App app = new App()
        .route("GET", "/items", "items", req -> ok("list"))
        .route("POST", "/items", "items", req -> ok("added"));

    JsonNode paths = OpenApi.document(app).get("paths");

    assertThat(paths.at("/~1items/get/operationId").asText()).isEqualTo("items-get");
    assertThat(paths.at("/~1items/post/operationId").asText()).isEqualTo("items-post");
  }

  @Test
  void keepsOperationIdsUniqueWhenAMadeUpIdEqualsAName() {
    App app = new App()
        .route("GET", "/c", "getD", req -> ok("c"))
        .get("/d", req -> ok("d"));

    JsonNode paths = OpenApi.document(app).get("paths");

    assertThat(List.of(paths.at("/~1c/get/operationId").asText(), paths.at("/~1d/get/operationId").asText()))
        .containsExactly("getD", "getD_2");
  }

  @Test
  void isTheSameDocumentEveryTime() {
    assertThat(OpenApi.toJson(OpenApi.document(app()))).isEqualTo(OpenApi.toJson(OpenApi.document(app())));
  }

  @Test
  void foldsRoutesThatShareAnOpenApiPathIntoOneOperationWithALooserParameter() {
    App app = new App()
        .get("/things/{id:int}", req -> ok("int"))
        .get("/things/{name}", req -> ok("name"))
        .delete("/things/{name}", req -> ok("deleted"));

    JsonNode paths = OpenApi.document(app).get("paths");

    assertThat(paths.fieldNames()).toIterable().containsExactly("/things/{id}");
    JsonNode get = paths.at("/~1things~1{id}/get");
    assertThat(get.at("/parameters/0/schema").toString()).isEqualTo("{\"type\":\"string\"}");
    assertThat(get.get("description").asText()).isEqualTo("Also answered by the route GET /things/{name}.");
    assertThat(paths.at("/~1things~1{id}/delete/parameters/0/name").asText()).isEqualTo("id");
  }

  @Test
  void describesDocumentedRoutes() {
    App app = new App().post("/users/{id:int}/notes", RouteDoc.of("Adds a note").description("Appends it.")
        .tags("notes").requiredQuery("lang", String.class, "Its language").query("draft", boolean.class, null)
        .body(User.class).response(201, User.class, "Created").response(404, "No such user")
        .handles(req -> ok("")));

    JsonNode op = OpenApi.document(app).at("/paths/~1users~1{id}~1notes/post");

    assertThat(op.get("summary").asText()).isEqualTo("Adds a note");
    assertThat(op.get("description").asText()).isEqualTo("Appends it.");
    assertThat(op.get("tags").toString()).isEqualTo("[\"notes\"]");
    assertThat(op.at("/parameters/1").toString()).isEqualTo("{\"name\":\"lang\",\"in\":\"query\","
        + "\"description\":\"Its language\",\"required\":true,\"schema\":{\"type\":\"string\"}}");
    assertThat(op.at("/parameters/2/required").asBoolean()).isFalse();
    assertThat(op.at("/requestBody/content/application~1json/schema/$ref").asText())
        .isEqualTo("#/components/schemas/User");
    assertThat(op.get("responses").fieldNames()).toIterable().containsExactly("201", "404");
    assertThat(op.at("/responses/404").toString()).isEqualTo("{\"description\":\"No such user\"}");
  }

  @Test
  void givesUndocumentedRoutesADefaultResponse() {
    JsonNode responses = OpenApi.document(app()).at("/paths/~1/get/responses");

    assertThat(responses.fieldNames()).toIterable().containsExactly("default");
  }

  @Test
  void describesNonJsonBodiesAsTextOrBytes() {
    App app = new App().post("/upload", RouteDoc.of("Upload").body("application/octet-stream", byte[].class)
        .response(200, "text/plain", String.class, "Its size").handles(req -> ok("")));

    JsonNode op = OpenApi.document(app).at("/paths/~1upload/post");

    assertThat(op.at("/requestBody/content/application~1octet-stream/schema").toString())
        .isEqualTo("{\"type\":\"string\",\"format\":\"binary\"}");
    assertThat(op.at("/responses/200/content/text~1plain/schema").toString()).isEqualTo("{\"type\":\"string\"}");
  }

  @Test
  void servesThePlainDocumentAtOpenApiJson() throws Exception {
    App app = app().openApi(ApiInfo.of("Test", "1"));

    Response first = app.handle(Request.builder("GET", "/openapi.json").build());
    Response second = app.handle(Request.builder("GET", "/openapi.json").build());

    assertThat(first.status()).isEqualTo(200);
    assertThat(first.contentType()).isEqualTo("application/json");
    JsonNode served = JSON.readTree(first.bodyText());
    assertThat(served).isEqualTo(JSON.readTree(OpenApi.toJson(OpenApi.document(app))));
    assertThat(served.at("/paths/~1openapi.json/get/operationId").asText()).isEqualTo("getOpenapiJson");
    assertThat(second.body()).isSameAs(first.body());
  }

  @Test
  void servesNothingUnlessAsked() {
    assertThat(app().handle(Request.builder("GET", "/openapi.json").build()).status()).isEqualTo(404);
  }

  @Test
  void refusesATypeWithoutSchemaWhenTheDocumentIsBuilt() {
    App app = new App().get("/x", RouteDoc.of("X").response(200, Thread.class, "A thread").handles(req -> ok("")));

    assertThatThrownBy(() -> OpenApi.document(app)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("java.lang.Thread").hasMessageContaining("record");
  }

  @Test
  void registersTheBareHandlerSoRequestsSkipTheWrapper() {
    App app = new App().get("/", RouteDoc.of("Home").handles(req -> ok("home")));

    assertThat(app.handle(Request.builder("GET", "/").build()).bodyText()).isEqualTo("home");
    assertThat(app.routes().get(0).doc().summary()).isEqualTo("Home");
  }

  @Test
  void documentsBlueprintRoutesUnderTheirPrefix() {
    App app = new App().register(new Blueprint("/api").register(new Blueprint("/v1")
        .get("/ping", RouteDoc.of("Ping").handles(req -> ok("pong")))));

    assertThat(OpenApi.document(app).at("/paths/~1api~1v1~1ping/get/summary").asText()).isEqualTo("Ping");
  }

  private static String schemaOf(JsonNode paths, String path) {
    return paths.get(path).get("get").at("/parameters/0/schema").toString();
  }
}
