package dev.vial.launcher;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vial.App;
import dev.vial.lambda.LambdaHandler;
import java.util.List;

/**
 * The AWS SAM template of an app, generated from its route table and its Lambda handler: one function
 * (Java 17, SnapStart with an alias, timeout 29 s: API Gateway's own limit) and the APIs in front of it,
 * whose {@code DefinitionBody} is the app's OpenAPI document flavoured for API Gateway. Written as YAML.
 *
 * <pre>{@code
 * String yaml = SamTemplate.render(EchoApp.create(), new EchoLambda(), TemplateOptions.defaults("target/app.jar"));
 * }</pre>
 */
public final class SamTemplate {

  /** The alias SnapStart versions are published under; the APIs invoke it, never {@code $LATEST}. */
  static final String ALIAS = "live";

  /** Every part of a template, in order. */
  static final List<TemplatePart> PARTS = List.of(new FunctionPart(), new HttpApiPart(), new RestApiPart(),
      new StreamingUrlPart(), new EventSourcesPart(), new SessionKeyPart());

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final App app;
  private final LambdaHandler handler;
  private final TemplateOptions options;
  private final String name;
  private final ObjectNode root = NODES.objectNode();
  private final ObjectNode parameters = NODES.objectNode();
  private final ObjectNode conditions = NODES.objectNode();
  private final ObjectNode resources = NODES.objectNode();
  private final ObjectNode outputs = NODES.objectNode();

  private SamTemplate(App app, LambdaHandler handler, TemplateOptions options) {
    this.app = app;
    this.handler = handler;
    this.options = options;
    this.name = logicalName(handler.getClass().getSimpleName());
  }

  /** The template for {@code app} served by {@code handler}, as YAML text. */
  public static String render(App app, LambdaHandler handler, TemplateOptions options) {
    return YamlWriter.write(tree(app, handler, options));
  }

  /** The template as a tree of JSON nodes. */
  static ObjectNode tree(App app, LambdaHandler handler, TemplateOptions options) {
    if (app == null || handler == null || options == null) {
      throw new IllegalArgumentException("app, handler and options must not be null");
    }
    SamTemplate template = new SamTemplate(app, handler, options);
    template.root.put("AWSTemplateFormatVersion", "2010-09-09");
    template.root.put("Transform", "AWS::Serverless-2016-10-31");
    template.root.put("Description", app.apiInfo().title() + " on AWS Lambda. Generated from the app's routes by "
        + "`java -jar <app.jar> template`: regenerate it rather than editing it.");
    for (TemplatePart part : PARTS) {
      part.addTo(template);
    }
    template.putIfNotEmpty("Parameters", template.parameters);
    template.putIfNotEmpty("Conditions", template.conditions);
    template.root.set("Resources", template.resources);
    template.putIfNotEmpty("Outputs", template.outputs);
    return template.root;
  }

  App app() {
    return app;
  }

  LambdaHandler handler() {
    return handler;
  }

  TemplateOptions options() {
    return options;
  }

  /** A logical id for one of the app's resources: {@code Echo} + {@code suffix}. */
  String logicalId(String suffix) {
    return name + suffix;
  }

  /** The logical id SAM gives the function's alias ({@code <function>Alias<alias>}). */
  String aliasLogicalId() {
    return logicalId("Function") + "Alias" + ALIAS;
  }

  ObjectNode parameters() {
    return parameters;
  }

  ObjectNode conditions() {
    return conditions;
  }

  ObjectNode resources() {
    return resources;
  }

  ObjectNode outputs() {
    return outputs;
  }

  /** The {@code Events} of the app's function (created on first use). */
  ObjectNode functionEvents() {
    ObjectNode properties = (ObjectNode) resources.path(logicalId("Function")).path("Properties");
    return properties.has("Events") ? (ObjectNode) properties.get("Events") : properties.putObject("Events");
  }

  static ObjectNode object() {
    return NODES.objectNode();
  }

  /** {@code {"Fn::Sub": text}}. */
  static ObjectNode sub(String text) {
    ObjectNode sub = NODES.objectNode();
    sub.put("Fn::Sub", text);
    return sub;
  }

  /** {@code {"Ref": logicalId}}. */
  static ObjectNode ref(String logicalId) {
    ObjectNode ref = NODES.objectNode();
    ref.put("Ref", logicalId);
    return ref;
  }

  private void putIfNotEmpty(String key, ObjectNode node) {
    if (!node.isEmpty()) {
      root.set(key, node);
    }
  }

  /** A logical id made of {@code name}'s letters and digits, each word capitalised ({@code echo-queue} → {@code EchoQueue}). */
  static String camel(String name) {
    StringBuilder id = new StringBuilder();
    boolean start = true;
    for (char c : name.toCharArray()) {
      if (c < 128 && Character.isLetterOrDigit(c)) {
        id.append(start ? Character.toUpperCase(c) : c);
        start = false;
      } else {
        start = true;
      }
    }
    return id.length() == 0 ? "Source" : id.toString();
  }

  /** {@code EchoLambda} → {@code Echo}: the handler's class name without a Lambda/Handler suffix. */
  static String logicalName(String handlerClass) {
    String name = handlerClass;
    for (String suffix : List.of("LambdaHandler", "Lambda", "Handler")) {
      if (name.endsWith(suffix) && name.length() > suffix.length()) {
        name = name.substring(0, name.length() - suffix.length());
        break;
      }
    }
    StringBuilder id = new StringBuilder();
    for (char c : name.toCharArray()) {
      if (c < 128 && Character.isLetterOrDigit(c)) {
        id.append(c);
      }
    }
    return id.length() == 0 ? "App" : id.toString();
  }
}
