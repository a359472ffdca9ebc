package dev.vial.example.echo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vial.App;
import dev.vial.Request;
import dev.vial.Response;
import dev.vial.openapi.Gateway;
import dev.vial.openapi.OpenApi;
import dev.vial.testkit.OpenApiValidator;
import java.util.Iterator;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The echo app documents its routes, serves its OpenAPI document and the docs page. */
class EchoOpenApiTest {

  private final App app = EchoApp.create();

  private JsonNode served() throws Exception {
    Response response = app.handle(Request.builder("GET", "/openapi.json").build());
    assertThat(response.status()).isEqualTo(200);
    assertThat(response.contentType()).isEqualTo("application/json");
    return new ObjectMapper().readTree(response.bodyText());
  }

  @Test
  void servesItsOpenApiDocument() throws Exception {
    JsonNode doc = served();

    assertThat(doc.get("openapi").asText()).isEqualTo("3.0.3");
    assertThat(doc.at("/info/title").asText()).isEqualTo("Vial example-echo");
  }

  @Test
  void summarisesEveryOperation() throws Exception {
    JsonNode paths = served().get("paths");

    assertThat(paths.fieldNames()).toIterable().contains("/", "/echo", "/echo/{rest}", "/users/{id}", "/json",
        "/binary", "/cookies", "/unicode", "/error", "/redirect", "/openapi.json", "/docs", "/docs/{file}");
    for (Iterator<Map.Entry<String, JsonNode>> it = paths.properties().iterator(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> path = it.next();
      if (path.getKey().equals("/openapi.json")) {
        continue;
      }
      path.getValue().forEach(op -> assertThat(op.has("summary")).as(path.getKey()).isTrue());
    }
  }

  @Test
  void documentsTheUserResponseAsAnObjectWithAnIntegerId() throws Exception {
    JsonNode doc = served();

    assertThat(doc.at("/paths/~1users~1{id}/get/parameters/0/schema").toString())
        .isEqualTo("{\"type\":\"integer\",\"format\":\"int32\"}");
    String ref = doc.at("/paths/~1users~1{id}/get/responses/200/content/application~1json/schema/$ref").asText();
    JsonNode user = doc.at(ref.substring(1));
    assertThat(user.toString()).isEqualTo("{\"type\":\"object\",\"properties\":{\"id\":{\"type\":\"integer\","
        + "\"format\":\"int32\"}},\"required\":[\"id\"]}");
    // and the handler answers exactly that shape
    assertThat(app.handle(Request.builder("GET", "/users/42").build()).bodyText()).isEqualTo("{\"id\":42}");
  }

  @Test
  void documentsTheJsonBodyAsAnyJsonObject() throws Exception {
    JsonNode body = served().at("/paths/~1json/post/requestBody");

    assertThat(body.get("required").asBoolean()).isTrue();
    assertThat(body.at("/content/application~1json/schema").toString()).isEqualTo("{\"type\":\"object\"}");
  }

  @Test
  void servesTheDocsPage() {
    Response page = app.handle(Request.builder("GET", "/docs").build());

    assertThat(page.status()).isEqualTo(200);
    assertThat(page.bodyText()).contains("swagger-ui-bundle.js", "openapi.json");
  }

  @Test
  void passesTheValidatorPlainAndFlavouredForEitherGateway() throws Exception {
    OpenApiValidator validator = new OpenApiValidator();
    String unavailable = validator.available();
    assumeTrue(unavailable == null, "Skipped: " + unavailable);
    String uri = Gateway.lambdaInvokeUri("EchoFunctionAliaslive");

    assertThat(validator.validate(OpenApi.toJson(OpenApi.document(app)))).isEmpty();
    for (Gateway gateway : new Gateway[] {Gateway.httpApi(uri), Gateway.restApi(uri),
        Gateway.httpApi(uri).withMode(Gateway.Mode.GREEDY)}) {
      assertThat(validator.validateGatewayFlavoured(OpenApi.toJson(OpenApi.document(EchoApp.create(), gateway))))
          .as(gateway.toString()).isEmpty();
    }
  }
}
