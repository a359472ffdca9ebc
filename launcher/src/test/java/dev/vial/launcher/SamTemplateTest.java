package dev.vial.launcher;

import static dev.vial.Responses.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vial.App;
import dev.vial.lambda.LambdaHandler;
import dev.vial.openapi.ApiInfo;
import dev.vial.openapi.Gateway;
import dev.vial.openapi.OpenApi;
import org.junit.jupiter.api.Test;

/**
 * The template's structure, checked against the SAM specification: AWS::Serverless::Function (CodeUri,
 * Handler, Runtime, SnapStart, AutoPublishAlias), AWS::Serverless::HttpApi and AWS::Serverless::Api with a
 * DefinitionBody, and the AWS::Lambda::Permission an API defined by its own DefinitionBody needs.
 */
class SamTemplateTest {

  static App app() {
    return new App().openApi(ApiInfo.of("Orders", "1.0"))
        .get("/orders/{id:int}", req -> ok("order"))
        .get("/files/{rest:path}", req -> ok("file"));
  }

  /** A handler class named like an app's: the resources are named after it. */
  static final class OrdersLambda extends LambdaHandler {
    OrdersLambda() {
      super(app());
    }
  }

  private static ObjectNode template(TemplateOptions options) {
    return SamTemplate.tree(app(), new OrdersLambda(), options);
  }

  @Test
  void isASamTemplate() {
    ObjectNode template = template(TemplateOptions.defaults("target/orders.jar"));

    assertThat(template.get("AWSTemplateFormatVersion").asText()).isEqualTo("2010-09-09");
    assertThat(template.get("Transform").asText()).isEqualTo("AWS::Serverless-2016-10-31");
    assertThat(template.get("Description").asText()).startsWith("Orders on AWS Lambda.");
  }

  @Test
  void declaresTheFunctionWithSnapStartBehindAnAlias() {
    JsonNode function = template(TemplateOptions.defaults("target/orders.jar")).at("/Resources/OrdersFunction");

    assertThat(function.get("Type").asText()).isEqualTo("AWS::Serverless::Function");
    JsonNode properties = function.get("Properties");
    assertThat(properties.get("CodeUri").asText()).isEqualTo("target/orders.jar");
    assertThat(properties.get("Handler").asText())
        .isEqualTo("dev.vial.launcher.SamTemplateTest$OrdersLambda::handleRequest");
    assertThat(properties.get("Runtime").asText()).isEqualTo("java17");
    assertThat(properties.get("Timeout").asInt()).isEqualTo(29);
    assertThat(properties.get("MemorySize").asInt()).isEqualTo(1024);
    assertThat(properties.at("/SnapStart/ApplyOn").asText()).isEqualTo("PublishedVersions");
    assertThat(properties.get("AutoPublishAlias").asText()).isEqualTo("live");
  }

  @Test
  void definesTheHttpApiByTheGatewayFlavouredDocumentInvokingTheAlias() {
    JsonNode api = template(TemplateOptions.defaults("x.jar")).at("/Resources/OrdersHttpApi");

    assertThat(api.get("Type").asText()).isEqualTo("AWS::Serverless::HttpApi");
    Gateway gateway = Gateway.httpApi(Gateway.lambdaInvokeUri("OrdersFunctionAliaslive"));
    assertThat(api.at("/Properties/DefinitionBody")).isEqualTo(OpenApi.document(app(), gateway));
    assertThat(api.at("/Properties/DefinitionBody/paths").has("/files/{rest+}")).isTrue();
  }

  @Test
  void letsEachApiInvokeTheFunctionsAlias() {
    JsonNode resources = template(TemplateOptions.defaults("x.jar")).get("Resources");

    for (String api : new String[] {"OrdersHttpApi", "OrdersRestApi"}) {
      JsonNode permission = resources.get(api + "Permission");
      assertThat(permission.get("Type").asText()).isEqualTo("AWS::Lambda::Permission");
      assertThat(permission.at("/Properties/FunctionName/Ref").asText()).isEqualTo("OrdersFunctionAliaslive");
      assertThat(permission.at("/Properties/Principal").asText()).isEqualTo("apigateway.amazonaws.com");
      assertThat(permission.at("/Properties/SourceArn/Fn::Sub").asText()).endsWith(":${" + api + "}/*");
    }
  }

  @Test
  void addsTheRestApiBehindAParameterByDefault() {
    ObjectNode template = template(TemplateOptions.defaults("x.jar"));
    JsonNode rest = template.at("/Resources/OrdersRestApi");

    assertThat(template.at("/Parameters/WithRestApi/Default").asText()).isEqualTo("false");
    assertThat(template.at("/Conditions/RestApiEnabled/Fn::Equals/0/Ref").asText()).isEqualTo("WithRestApi");
    assertThat(rest.get("Type").asText()).isEqualTo("AWS::Serverless::Api");
    assertThat(rest.get("Condition").asText()).isEqualTo("RestApiEnabled");
    assertThat(rest.at("/Properties/StageName").asText()).isEqualTo("prod");
    assertThat(rest.at("/Properties/BinaryMediaTypes").toString()).isEqualTo("[\"*~1*\"]");
    assertThat(rest.at("/Properties/DefinitionBody/x-amazon-apigateway-binary-media-types").toString())
        .isEqualTo("[\"*/*\"]");
    assertThat(template.at("/Resources/OrdersRestApiPermission/Condition").asText()).isEqualTo("RestApiEnabled");
    assertThat(template.at("/Outputs/RestApiUrl/Condition").asText()).isEqualTo("RestApiEnabled");
  }

  @Test
  void makesOnlyTheApiAskedFor() {
    ObjectNode http = template(TemplateOptions.defaults("x.jar").withApis(TemplateOptions.Apis.HTTP));
    ObjectNode rest = template(TemplateOptions.defaults("x.jar").withApis(TemplateOptions.Apis.REST));

    assertThat(http.get("Resources").fieldNames()).toIterable()
        .containsExactly("OrdersFunction", "OrdersHttpApi", "OrdersHttpApiPermission");
    assertThat(http.has("Parameters")).isFalse();
    assertThat(rest.get("Resources").fieldNames()).toIterable()
        .containsExactly("OrdersFunction", "OrdersRestApi", "OrdersRestApiPermission");
    assertThat(rest.at("/Resources/OrdersRestApi").has("Condition")).isFalse();
  }

  @Test
  void forwardsEverythingInGreedyMode() {
    JsonNode paths = template(TemplateOptions.defaults("x.jar").withMode(Gateway.Mode.GREEDY))
        .at("/Resources/OrdersHttpApi/Properties/DefinitionBody/paths");

    assertThat(paths.fieldNames()).toIterable().containsExactly("/", "/{proxy+}");
  }

  @Test
  void namesResourcesAfterTheHandlerClass() {
    assertThat(SamTemplate.logicalName("EchoLambda")).isEqualTo("Echo");
    assertThat(SamTemplate.logicalName("OrdersHandler")).isEqualTo("Orders");
    assertThat(SamTemplate.logicalName("Shop_Api")).isEqualTo("ShopApi");
    assertThat(SamTemplate.logicalName("Lambda")).isEqualTo("Lambda");
  }

  @Test
  void addsAStreamingFunctionUrlOnVialsRuntimeLoopWhenAsked() {
    ObjectNode template = template(TemplateOptions.defaults("x.jar").withStreamingUrl("shop.Main"));
    JsonNode function = template.at("/Resources/OrdersStreamingFunction/Properties");

    assertThat(template.at("/Resources/VialRuntimeLayer/Properties/ContentUri").asText()).isEqualTo("lambda-runtime/");
    assertThat(function.at("/FunctionUrlConfig/InvokeMode").asText()).isEqualTo("RESPONSE_STREAM");
    assertThat(function.at("/Layers/0/Ref").asText()).isEqualTo("VialRuntimeLayer");
    assertThat(function.at("/Environment/Variables/AWS_LAMBDA_EXEC_WRAPPER").asText()).isEqualTo("/opt/vial-wrapper");
    assertThat(function.at("/Environment/Variables/VIAL_MAIN_CLASS").asText()).isEqualTo("shop.Main");
    assertThat(function.at("/Environment/Variables/VIAL_LAMBDA_RESPONSE_MODE").asText()).isEqualTo("streaming");
    assertThat(template.at("/Outputs/StreamingFunctionUrl/Value/Fn::GetAtt").toString())
        .isEqualTo("[\"OrdersStreamingFunctionUrl\",\"FunctionUrl\"]");
    assertThat(template(TemplateOptions.defaults("x.jar")).at("/Resources").has("VialRuntimeLayer")).isFalse();
  }
}
