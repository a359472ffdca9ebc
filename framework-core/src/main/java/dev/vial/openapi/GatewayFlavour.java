package dev.vial.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vial.routing.PathTemplate;

/** The Amazon API Gateway extensions of an OpenAPI document (see {@link Gateway}). */
final class GatewayFlavour {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final String INTEGRATION = "x-amazon-apigateway-integration";
  private static final String ANY_METHOD = "x-amazon-apigateway-any-method";

  private GatewayFlavour() {}

  /** The Lambda proxy integration every operation carries. */
  static void addIntegration(ObjectNode operation, Gateway gateway) {
    ObjectNode integration = operation.putObject(INTEGRATION);
    integration.put("type", "aws_proxy");
    integration.put("httpMethod", "POST");
    integration.putObject("uri").put("Fn::Sub", gateway.invokeUri());
    if (gateway.kind() == Gateway.Kind.HTTP_API) {
      integration.put("payloadFormatVersion", "2.0");
    }
  }

  /**
   * Per-route mode: {@code HEAD} next to {@code GET} and {@code OPTIONS} on every path, unless registered,
   * because the app answers those itself (HEAD through the GET route, OPTIONS with {@code Allow}) and a
   * gateway that knew only the registered methods would refuse them.
   */
  static void addImplicitMethods(ObjectNode pathItem, PathTemplate template, Gateway gateway) {
    if (gateway.mode() != Gateway.Mode.PER_ROUTE) {
      return;
    }
    ArrayNode pathParams = pathParameters(pathItem);
    if (pathItem.has("get") && !pathItem.has("head")) {
      pathItem.set("head", implicit("The GET route's headers, without the body (answered by the app).",
          pathParams, gateway));
    }
    if (!pathItem.has("options")) {
      pathItem.set("options", implicit("The allowed methods, in Allow (answered by the app).", pathParams,
          gateway));
    }
  }

  /** {@code /} and {@code /{proxy+}} for any method: the greedy mode's whole path table. */
  static ObjectNode greedyPaths(Gateway gateway) {
    ObjectNode paths = NODES.objectNode();
    paths.putObject("/").set(ANY_METHOD, implicit("Every request goes to the app.", NODES.arrayNode(), gateway));
    ArrayNode proxy = NODES.arrayNode();
    ObjectNode param = proxy.addObject();
    param.put("name", "proxy");
    param.put("in", "path");
    param.put("description", "The whole path; the app routes it.");
    param.put("required", true);
    param.putObject("schema").put("type", "string");
    paths.putObject("/{proxy+}").set(ANY_METHOD, implicit("Every request goes to the app.", proxy, gateway));
    return paths;
  }

  /** Document-level extensions: a REST API's binary media types. */
  static void addApiExtensions(ObjectNode document, Gateway gateway) {
    if (gateway.kind() == Gateway.Kind.REST_API && !gateway.binaryMediaTypes().isEmpty()) {
      document.set("x-amazon-apigateway-binary-media-types", OpenApi.stringArray(gateway.binaryMediaTypes()));
    }
  }

  private static ObjectNode implicit(String description, ArrayNode pathParams, Gateway gateway) {
    ObjectNode op = NODES.objectNode();
    op.put("description", description);
    if (!pathParams.isEmpty()) {
      op.set("parameters", pathParams.deepCopy());
    }
    op.putObject("responses").putObject("default").put("description", "The app's response");
    addIntegration(op, gateway);
    return op;
  }

  private static ArrayNode pathParameters(ObjectNode pathItem) {
    ArrayNode params = NODES.arrayNode();
    JsonNode first = pathItem.elements().hasNext() ? pathItem.elements().next() : null;
    if (first != null && first.has("parameters")) {
      for (JsonNode param : first.get("parameters")) {
        if ("path".equals(param.path("in").asText())) {
          params.add(param.deepCopy());
        }
      }
    }
    return params;
  }
}
