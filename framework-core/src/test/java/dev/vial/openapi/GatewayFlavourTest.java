package dev.vial.openapi;

import static dev.vial.Responses.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vial.App;
import org.junit.jupiter.api.Test;

class GatewayFlavourTest {

  private static final String URI = Gateway.lambdaInvokeUri("FnAliaslive");

  private static App app() {
    return new App()
        .get("/users/{id:int}", req -> ok("user"))
        .post("/users", req -> ok("created"))
        .get("/files/{rest:path}", req -> ok("file"))
        .options("/files/{rest:path}", req -> ok("options"));
  }

  @Test
  void givesEveryOperationALambdaProxyIntegrationWithPayload20ForAnHttpApi() {
    JsonNode integration = OpenApi.document(app(), Gateway.httpApi(URI))
        .at("/paths/~1users~1{id}/get/x-amazon-apigateway-integration");

    assertThat(integration.toString()).isEqualTo("{\"type\":\"aws_proxy\",\"httpMethod\":\"POST\",\"uri\":"
        + "{\"Fn::Sub\":\"arn:${AWS::Partition}:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/"
        + "${FnAliaslive}/invocations\"},\"payloadFormatVersion\":\"2.0\"}");
  }

  @Test
  void leavesThePayloadVersionOutAndAddsBinaryMediaTypesForARestApi() {
    JsonNode doc = OpenApi.document(app(), Gateway.restApi(URI));

    assertThat(doc.at("/paths/~1users/post/x-amazon-apigateway-integration").has("payloadFormatVersion")).isFalse();
    assertThat(doc.get("x-amazon-apigateway-binary-media-types").toString()).isEqualTo("[\"*/*\"]");
  }

  @Test
  void writesRestOfPathParametersAsGreedyPathVariables() {
    JsonNode paths = OpenApi.document(app(), Gateway.httpApi(URI)).get("paths");

    assertThat(paths.has("/files/{rest+}")).isTrue();
    assertThat(paths.at("/~1files~1{rest+}/get/parameters/0/name").asText()).isEqualTo("rest");
  }

  @Test
  void letsHeadAndOptionsThroughInPerRouteModeBecauseTheAppAnswersThem() {
    JsonNode paths = OpenApi.document(app(), Gateway.httpApi(URI)).get("paths");

    assertThat(paths.get("/users/{id}").fieldNames()).toIterable().containsExactly("get", "head", "options");
    assertThat(paths.get("/users").fieldNames()).toIterable().containsExactly("post", "options");
    assertThat(paths.at("/~1users~1{id}/head/parameters/0/name").asText()).isEqualTo("id");
    assertThat(paths.at("/~1users~1{id}/head/x-amazon-apigateway-integration/type").asText()).isEqualTo("aws_proxy");
    // registered explicitly: the route's own operation, with its id
    assertThat(paths.at("/~1files~1{rest+}/options/operationId").asText()).isEqualTo("optionsFilesByRest");
  }

  @Test
  void forwardsEverythingInGreedyMode() {
    JsonNode doc = OpenApi.document(app(), Gateway.httpApi(URI).withMode(Gateway.Mode.GREEDY));

    assertThat(doc.get("paths").fieldNames()).toIterable().containsExactly("/", "/{proxy+}");
    assertThat(doc.at("/paths/~1/x-amazon-apigateway-any-method/x-amazon-apigateway-integration/uri/Fn::Sub")
        .asText()).contains("${FnAliaslive}");
    assertThat(doc.at("/paths/~1{proxy+}/x-amazon-apigateway-any-method/parameters/0/name").asText())
        .isEqualTo("proxy");
  }

  @Test
  void leavesThePlainDocumentFreeOfGatewayExtensions() {
    assertThat(OpenApi.toJson(OpenApi.document(app()))).doesNotContain("x-amazon");
  }
}
