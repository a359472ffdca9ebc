package dev.vial.launcher;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * With {@link TemplateOptions#streamingMainClass()}: a second function that runs Vial's own Lambda runtime
 * loop in streaming mode (started by the wrapper script in the layer built from {@code lambda-runtime/}),
 * behind a Function URL with {@code InvokeMode: RESPONSE_STREAM}, so streamed and SSE responses arrive as
 * they are written. Function URLs wait up to the function timeout (120 s here), not API Gateway's 29 s.
 */
final class StreamingUrlPart implements TemplatePart {

  @Override
  public void addTo(SamTemplate template) {
    String mainClass = template.options().streamingMainClass();
    if (mainClass == null) {
      return;
    }
    String layer = "VialRuntimeLayer";
    ObjectNode layerProperties = resource(template, layer, "AWS::Serverless::LayerVersion");
    layerProperties.put("Description", "Starts Vial's own Lambda runtime loop (AWS_LAMBDA_EXEC_WRAPPER=/opt/vial-wrapper)");
    layerProperties.put("ContentUri", "lambda-runtime/");
    layerProperties.putArray("CompatibleRuntimes").add("java17").add("java21");

    String function = template.logicalId("StreamingFunction");
    ObjectNode resource = template.resources().putObject(function);
    resource.put("Type", "AWS::Serverless::Function");
    resource.putObject("Metadata").put("SkipBuild", true);
    ObjectNode properties = resource.putObject("Properties");
    properties.put("Description", template.app().apiInfo().title()
        + " on Vial's runtime loop behind a RESPONSE_STREAM Function URL");
    properties.put("CodeUri", template.options().codeUri());
    properties.put("Handler", template.handler().getClass().getName() + "::handleRequest");
    properties.put("Runtime", "java17");
    properties.putArray("Architectures").add("x86_64");
    properties.put("MemorySize", template.options().memoryMb());
    properties.put("Timeout", 120);
    properties.putArray("Layers").add(SamTemplate.ref(layer));
    ObjectNode variables = properties.putObject("Environment").putObject("Variables");
    variables.put("JAVA_TOOL_OPTIONS", "-XX:+TieredCompilation -XX:TieredStopAtLevel=1");
    variables.put("AWS_LAMBDA_EXEC_WRAPPER", "/opt/vial-wrapper");
    variables.put("VIAL_MAIN_CLASS", mainClass);
    variables.put("VIAL_LAMBDA_RESPONSE_MODE", "streaming");
    ObjectNode url = properties.putObject("FunctionUrlConfig");
    url.put("AuthType", "NONE");
    url.put("InvokeMode", "RESPONSE_STREAM");

    ObjectNode output = template.outputs().putObject("StreamingFunctionUrl");
    output.put("Description", "The streaming Function URL");
    output.putObject("Value").putArray("Fn::GetAtt").add(function + "Url").add("FunctionUrl");
  }

  private static ObjectNode resource(SamTemplate template, String id, String type) {
    ObjectNode resource = template.resources().putObject(id);
    resource.put("Type", type);
    return resource.putObject("Properties");
  }
}
