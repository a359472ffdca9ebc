package dev.vial.launcher;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** The app's Lambda function: the jar, the handler, Java 17, SnapStart behind an alias, 29 s. */
final class FunctionPart implements TemplatePart {

  @Override
  public void addTo(SamTemplate template) {
    ObjectNode function = template.resources().putObject(template.logicalId("Function"));
    function.put("Type", "AWS::Serverless::Function");
    function.putObject("Metadata").put("SkipBuild", true);
    ObjectNode properties = function.putObject("Properties");
    properties.put("Description", template.app().apiInfo().title() + ": the app's Lambda function");
    properties.put("CodeUri", template.options().codeUri());
    properties.put("Handler", template.handler().getClass().getName() + "::handleRequest");
    properties.put("Runtime", "java17");
    properties.putArray("Architectures").add("x86_64");
    properties.put("MemorySize", template.options().memoryMb());
    // API Gateway gives up after about 29 s, so a longer function timeout would only waste money.
    properties.put("Timeout", 29);
    properties.putObject("SnapStart").put("ApplyOn", "PublishedVersions");
    properties.put("AutoPublishAlias", SamTemplate.ALIAS);
    properties.putObject("Environment").putObject("Variables")
        .put("JAVA_TOOL_OPTIONS", "-XX:+TieredCompilation -XX:TieredStopAtLevel=1");
  }
}
