package dev.vial.openapi;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vial.RouteInfo;
import dev.vial.routing.ParamType;
import dev.vial.routing.PathTemplate;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Map;

/** Builds one OpenAPI operation object from a route and its documentation. */
final class Operations {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /** What a {@code {rest:path}} parameter says about itself, since OpenAPI has no form for it. */
  static final String REST_OF_PATH = "The rest of the path, slashes included (a Vial {%s:path} parameter, "
      + "which OpenAPI cannot express: it is documented as a plain string).";

  private final JsonSchemas schemas;

  Operations(JsonSchemas schemas) {
    this.schemas = schemas;
  }

  /**
   * The operation for {@code route}.
   *
   * @param pathNames the parameter names the OpenAPI path uses, in segment order (they may differ from
   *     the route's own when two routes share one OpenAPI path)
   */
  ObjectNode operation(RouteInfo route, String operationId, List<String> pathNames) {
    ObjectNode op = NODES.objectNode();
    RouteDoc doc = route.doc();
    if (doc != null) {
      if (!doc.tags().isEmpty()) {
        ArrayNode tags = op.putArray("tags");
        doc.tags().forEach(tags::add);
      }
      op.put("summary", doc.summary());
      if (doc.description() != null) {
        op.put("description", doc.description());
      }
    }
    op.put("operationId", operationId);
    ArrayNode parameters = NODES.arrayNode();
    addPathParameters(parameters, PathTemplate.parse(route.template()), pathNames);
    if (doc != null) {
      for (RouteDoc.QueryParam query : doc.queryParams()) {
        ObjectNode param = parameters.addObject();
        param.put("name", query.name());
        param.put("in", "query");
        if (query.description() != null) {
          param.put("description", query.description());
        }
        param.put("required", query.required());
        param.set("schema", schemas.schemaFor(query.type()));
      }
    }
    if (!parameters.isEmpty()) {
      op.set("parameters", parameters);
    }
    if (doc != null && doc.body() != null) {
      ObjectNode body = op.putObject("requestBody");
      body.put("required", true);
      body.set("content", content(doc.body().mediaType(), doc.body().type()));
    }
    op.set("responses", responses(doc));
    return op;
  }

  private void addPathParameters(ArrayNode parameters, PathTemplate template, List<String> pathNames) {
    int index = 0;
    for (PathTemplate.Segment segment : template.segments()) {
      if (!segment.isParam()) {
        continue;
      }
      String name = pathNames.get(index++);
      ObjectNode param = parameters.addObject();
      param.put("name", name);
      param.put("in", "path");
      if (segment.paramType() == ParamType.PATH) {
        param.put("description", String.format(REST_OF_PATH, segment.paramName()));
      }
      param.put("required", true);
      param.set("schema", pathSchema(segment.paramType()));
    }
  }

  /** The schema of a typed path parameter: {@code int} → int32, {@code long} → int64, {@code uuid}, else string. */
  static ObjectNode pathSchema(ParamType type) {
    ObjectNode schema = NODES.objectNode();
    if (type == ParamType.INT || type == ParamType.LONG) {
      schema.put("type", "integer");
      schema.put("format", type == ParamType.INT ? "int32" : "int64");
    } else {
      schema.put("type", "string");
      if (type == ParamType.UUID) {
        schema.put("format", "uuid");
      }
    }
    return schema;
  }

  private ObjectNode responses(RouteDoc doc) {
    ObjectNode responses = NODES.objectNode();
    if (doc == null || doc.responses().isEmpty()) {
      responses.putObject("default").put("description", "The route's response (not documented)");
      return responses;
    }
    for (Map.Entry<Integer, RouteDoc.ResponseDoc> entry : doc.responses().entrySet()) {
      RouteDoc.ResponseDoc response = entry.getValue();
      ObjectNode node = responses.putObject(Integer.toString(entry.getKey()));
      node.put("description", response.description());
      if (response.mediaType() != null) {
        node.set("content", content(response.mediaType(), response.type()));
      }
    }
    return responses;
  }

  private ObjectNode content(String mediaType, Type type) {
    ObjectNode content = NODES.objectNode();
    content.putObject(mediaType).set("schema", bodySchema(mediaType, type));
    return content;
  }

  /** JSON bodies get the type's schema; other media types are text or bytes. */
  private ObjectNode bodySchema(String mediaType, Type type) {
    boolean json = isJson(mediaType);
    if (json && type != null) {
      return schemas.schemaFor(type);
    }
    if (json) {
      return NODES.objectNode();
    }
    ObjectNode schema = NODES.objectNode();
    schema.put("type", "string");
    boolean text = mediaType.startsWith("text/") || type == String.class;
    if (!text) {
      schema.put("format", "binary");
    }
    return schema;
  }

  private static boolean isJson(String mediaType) {
    String lower = mediaType.toLowerCase(java.util.Locale.ROOT);
    return lower.equals("application/json") || lower.endsWith("+json") || lower.startsWith("application/json;");
  }
}
