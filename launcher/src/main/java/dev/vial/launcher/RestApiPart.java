package dev.vial.launcher;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vial.openapi.Gateway;
import dev.vial.openapi.OpenApi;

/**
 * The REST API (v1 proxy events) in front of the function, stage {@code prod}, every media type passed
 * as binary (Vial decides per response whether it is text or base64). With {@link TemplateOptions.Apis#BOTH}
 * it exists only when the stack parameter {@code WithRestApi} is {@code true}.
 */
final class RestApiPart implements TemplatePart {

  static final String CONDITION = "RestApiEnabled";

  @Override
  public void addTo(SamTemplate template) {
    TemplateOptions.Apis apis = template.options().apis();
    if (apis == TemplateOptions.Apis.HTTP) {
      return;
    }
    boolean conditional = apis == TemplateOptions.Apis.BOTH;
    if (conditional) {
      ObjectNode parameter = template.parameters().putObject("WithRestApi");
      parameter.put("Type", "String");
      parameter.putArray("AllowedValues").add("true").add("false");
      parameter.put("Default", "false");
      parameter.put("Description", "Also deploy a REST API (API Gateway v1 proxy events) in front of the function.");
      ArrayNode equals = template.conditions().putObject(CONDITION).putArray("Fn::Equals");
      equals.add(SamTemplate.ref("WithRestApi")).add("true");
    }
    String api = template.logicalId("RestApi");
    Gateway gateway = Gateway.restApi(Gateway.lambdaInvokeUri(template.aliasLogicalId()))
        .withMode(template.options().mode());
    ObjectNode resource = template.resources().putObject(api);
    resource.put("Type", "AWS::Serverless::Api");
    if (conditional) {
      resource.put("Condition", CONDITION);
    }
    ObjectNode properties = resource.putObject("Properties");
    properties.put("StageName", "prod");
    ArrayNode binary = properties.putArray("BinaryMediaTypes");
    // SAM writes "/" in media types as "~1"
    gateway.binaryMediaTypes().forEach(type -> binary.add(type.replace("/", "~1")));
    properties.set("DefinitionBody", OpenApi.document(template.app(), gateway));
    ObjectNode permission = HttpApiPart.permission(template, api);
    if (conditional) {
      permission.put("Condition", CONDITION);
    }
    template.resources().set(api + "Permission", permission);
    ObjectNode url = template.outputs().putObject("RestApiUrl");
    if (conditional) {
      url.put("Condition", CONDITION);
    }
    url.put("Description", "The REST API endpoint (stage prod)");
    url.set("Value", SamTemplate.sub("https://${" + api + "}.execute-api.${AWS::Region}.${AWS::URLSuffix}/prod/"));
  }
}
