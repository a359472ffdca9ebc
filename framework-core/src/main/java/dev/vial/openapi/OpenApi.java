package dev.vial.openapi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vial.App;
import dev.vial.Handler;
import dev.vial.Response;
import dev.vial.Responses;
import dev.vial.RouteInfo;
import dev.vial.routing.ParamType;
import dev.vial.routing.PathTemplate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The OpenAPI 3.0.3 document of an app, built from its route table (3.0.3 because API Gateway's import
 * rejects 3.1). Every route is an operation: {@code {id:int}} becomes {@code {id}} with an
 * {@code integer/int32} schema ({@code long}: int64, {@code uuid}: string/uuid, others: string), every
 * path parameter is required, the route's name is its {@code operationId} (unnamed routes get one made
 * of the method and the path, such as {@code getUsersById}), and {@code HEAD} and {@code OPTIONS}
 * appear only where registered explicitly. Summaries, tags, query parameters, bodies and responses
 * come from the routes' {@link RouteDoc}s; their schemas from the Java types, by reflection, here and
 * never while answering a request.
 *
 * <p>With a {@link Gateway} the document is flavoured for Amazon API Gateway: each operation carries an
 * {@code x-amazon-apigateway-integration} (Lambda proxy), {@code {rest:path}} becomes {@code {rest+}},
 * and in per-route mode every {@code GET} path also gets {@code HEAD} and every path {@code OPTIONS}, so
 * that the gateway lets through what the app answers by itself. A REST API also gets its binary media
 * types. Serve the plain document with {@link App#openApi(ApiInfo)}.
 */
public final class OpenApi {

  /** The OpenAPI version of every document. */
  public static final String VERSION = "3.0.3";


  /** Databind, loaded on the first document rather than when an app registers {@code /openapi.json} (about 100 ms of startup). */
  private static final class Json {
    static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    static final ObjectMapper WRITER = new ObjectMapper();
  }

  private OpenApi() {}

  /** The plain document of {@code app}'s routes. */
  public static ObjectNode document(App app) {
    return document(app, null);
  }

  /**
   * The document of {@code app}'s routes, flavoured for {@code gateway} (or plain when it is {@code null}).
   *
   * @throws IllegalArgumentException when a documented Java type has no JSON Schema form (a class that is
   *     neither a record nor one of the supported scalar, collection and map types)
   */
  public static ObjectNode document(App app, Gateway gateway) {
    ObjectNode doc = Json.NODES.objectNode();
    doc.put("openapi", VERSION);
    ObjectNode info = doc.putObject("info");
    ApiInfo apiInfo = app.apiInfo();
    info.put("title", apiInfo.title());
    if (apiInfo.description() != null) {
      info.put("description", apiInfo.description());
    }
    info.put("version", apiInfo.version());
    JsonSchemas schemas = new JsonSchemas();
    if (gateway != null && gateway.mode() == Gateway.Mode.GREEDY) {
      doc.set("paths", GatewayFlavour.greedyPaths(gateway));
    } else {
      doc.set("paths", paths(app.routes(), new Operations(schemas), gateway));
    }
    ObjectNode components = schemas.components();
    if (!components.isEmpty()) {
      doc.putObject("components").set("schemas", components);
    }
    if (gateway != null) {
      GatewayFlavour.addApiExtensions(doc, gateway);
    }
    return doc;
  }

  /** {@code document} as indented JSON text, ending with a newline. */
  public static String toJson(ObjectNode document) {
    try {
      return Json.WRITER.writerWithDefaultPrettyPrinter().writeValueAsString(document) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("A tree of JSON nodes could not be written", e);
    }
  }

  /**
   * A handler answering with {@code app}'s plain document as JSON. The document is built on the first
   * request (when every route is registered) and the bytes kept for later ones.
   */
  public static Handler handler(App app) {
    if (app == null) {
      throw new IllegalArgumentException("app must not be null");
    }
    return new Handler() {
      private volatile Response cached;

      @Override
      public Response handle(dev.vial.Request req) {
        Response response = cached;
        if (response == null) {
          byte[] body = toJson(document(app)).getBytes(java.nio.charset.StandardCharsets.UTF_8);
          response = Responses.bytes(body, "application/json");
          cached = response;
        }
        return response;
      }
    };
  }

  private static ObjectNode paths(List<RouteInfo> routes, Operations operations, Gateway gateway) {
    boolean flavoured = gateway != null;
    Map<String, PathGroup> groups = new LinkedHashMap<>();
    OperationIds ids = new OperationIds(routes);
    for (RouteInfo route : routes) {
      PathTemplate template = PathTemplate.parse(route.template());
      String key = openApiPath(template, null, flavoured);
      PathGroup group = groups.computeIfAbsent(key, k -> new PathGroup(template, Json.NODES.objectNode()));
      String method = route.method().toLowerCase(Locale.ROOT);
      ObjectNode existing = (ObjectNode) group.item.get(method);
      if (existing != null) {
        // Two Vial routes ({id:int} and {name}) can share one OpenAPI path and method: the first is the
        // operation, the others are named in its description.
        String note = "Also answered by the route " + route.method() + " " + route.template() + ".";
        existing.put("description", existing.has("description")
            ? existing.get("description").asText() + "\n\n" + note : note);
        loosenPathParameters(existing, template);
        continue;
      }
      ObjectNode op = operations.operation(route, ids.idFor(route), paramNames(group.template));
      if (flavoured) {
        GatewayFlavour.addIntegration(op, gateway);
      }
      group.item.set(method, op);
    }
    ObjectNode paths = Json.NODES.objectNode();
    for (PathGroup group : groups.values()) {
      if (flavoured) {
        GatewayFlavour.addImplicitMethods(group.item, group.template, gateway);
      }
      paths.set(openApiPath(group.template, paramNames(group.template), flavoured), group.item);
    }
    return paths;
  }

  /** Where another route's parameter has another type, the shared operation can only promise a string. */
  private static void loosenPathParameters(ObjectNode operation, PathTemplate other) {
    List<ParamType> types = new ArrayList<>();
    for (PathTemplate.Segment segment : other.segments()) {
      if (segment.isParam()) {
        types.add(segment.paramType());
      }
    }
    int index = 0;
    for (com.fasterxml.jackson.databind.JsonNode param : operation.path("parameters")) {
      if ("path".equals(param.path("in").asText()) && index < types.size()) {
        ObjectNode otherSchema = Operations.pathSchema(types.get(index++));
        if (!otherSchema.equals(param.get("schema"))) {
          ((ObjectNode) param).putObject("schema").put("type", "string");
        }
      }
    }
  }

  /**
   * The OpenAPI path of {@code template}: parameters as {@code {name}}, or as {@code {}} when
   * {@code names} is {@code null} (the grouping key); a {@code path} parameter as {@code {name+}} for the
   * gateway.
   */
  static String openApiPath(PathTemplate template, List<String> names, boolean flavoured) {
    StringBuilder path = new StringBuilder();
    int index = 0;
    for (PathTemplate.Segment segment : template.segments()) {
      path.append('/');
      if (segment.isParam()) {
        path.append('{').append(names == null ? "" : names.get(index++));
        if (flavoured && segment.paramType() == ParamType.PATH) {
          path.append('+');
        }
        path.append('}');
      } else {
        path.append(segment.literal());
      }
    }
    return path.length() == 0 ? "/" : path.toString();
  }

  static List<String> paramNames(PathTemplate template) {
    List<String> names = new ArrayList<>();
    for (PathTemplate.Segment segment : template.segments()) {
      if (segment.isParam()) {
        names.add(segment.paramName());
      }
    }
    return names;
  }

  /** One OpenAPI path item and the template whose parameter names it uses. */
  private record PathGroup(PathTemplate template, ObjectNode item) {}

  static ArrayNode stringArray(List<String> values) {
    ArrayNode array = Json.NODES.arrayNode();
    values.forEach(array::add);
    return array;
  }
}
