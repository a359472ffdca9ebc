package dev.vial.launcher;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vial.openapi.Gateway;
import dev.vial.openapi.OpenApi;

/** The HTTP API (payload 2.0) in front of the function, defined by the gateway-flavoured document. */
final class HttpApiPart implements TemplatePart {

  @Override
  public void addTo(SamTemplate template) {
    if (template.options().apis() == TemplateOptions.Apis.REST) {
      return;
    }
    String api = template.logicalId("HttpApi");
    Gateway gateway = Gateway.httpApi(Gateway.lambdaInvokeUri(template.aliasLogicalId()))
        .withMode(template.options().mode());
    ObjectNode resource = template.resources().putObject(api);
    resource.put("Type", "AWS::Serverless::HttpApi");
    resource.putObject("Properties").set("DefinitionBody", OpenApi.document(template.app(), gateway));
    template.resources().set(api + "Permission", permission(template, api));
    ObjectNode url = template.outputs().putObject("HttpApiUrl");
    url.put("Description", "The HTTP API endpoint");
    url.set("Value", SamTemplate.sub("https://${" + api + "}.execute-api.${AWS::Region}.${AWS::URLSuffix}/"));
  }

  /** Lets the API (any stage, method and path) invoke the function's alias. */
  static ObjectNode permission(SamTemplate template, String api) {
    ObjectNode permission = SamTemplate.object();
    permission.put("Type", "AWS::Lambda::Permission");
    ObjectNode properties = permission.putObject("Properties");
    properties.put("Action", "lambda:InvokeFunction");
    properties.set("FunctionName", SamTemplate.ref(template.aliasLogicalId()));
    properties.put("Principal", "apigateway.amazonaws.com");
    properties.set("SourceArn",
        SamTemplate.sub("arn:${AWS::Partition}:execute-api:${AWS::Region}:${AWS::AccountId}:${" + api + "}/*"));
    return permission;
  }
}
