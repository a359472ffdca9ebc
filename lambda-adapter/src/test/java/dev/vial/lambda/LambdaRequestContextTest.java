package dev.vial.lambda;

import static dev.vial.lambda.BodyPolicyTest.get;
import static dev.vial.lambda.Invocations.REQUEST_ID;
import static dev.vial.lambda.Invocations.body;
import static dev.vial.lambda.Invocations.handler;
import static dev.vial.lambda.Invocations.invoke;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vial.Request;
import org.junit.jupiter.api.Test;

class LambdaRequestContextTest {

  @Test
  void givesRestRequestsTheirIdSourceIpStageVariablesAndCognitoClaims() {
    JsonNode ctx = body(invoke(handler(), get("rest-v1-get.json", "/context")));

    assertThat(ctx.get("awsRequestId").asText()).isEqualTo(REQUEST_ID);
    assertThat(ctx.get("functionName").asText()).isEqualTo("vial-test");
    assertThat(ctx.get("source").asText()).isEqualTo("REST_V1");
    assertThat(ctx.get("sourceIp").asText()).isEqualTo("198.51.100.23");
    assertThat(ctx.get("remoteAddress").asText()).isEqualTo("198.51.100.23");
    assertThat(ctx.get("stage").asText()).isEqualTo("prod");
    assertThat(ctx.get("stageVariables").get("table").asText()).isEqualTo("items-prod");
    assertThat(ctx.get("authorizer").get("email").asText()).isEqualTo("ada@example.com");
  }

  @Test
  void givesTheLambdaAuthorizerContextOfARestApi() {
    JsonNode ctx = body(invoke(handler(), get("rest-v1-post-base64.json", "/context")));

    assertThat(ctx.get("authorizer").get("tenant").asText()).isEqualTo("acme");
    assertThat(ctx.get("authorizer").get("integrationLatency").asInt()).isEqualTo(12);
    assertThat(ctx.get("stageVariables")).isEmpty();
  }

  @Test
  void givesHttpApiRequestsTheirSourceIpStageAndJwtClaims() {
    JsonNode ctx = body(invoke(handler(), get("http-api-v2-get.json", "/context")));

    assertThat(ctx.get("source").asText()).isEqualTo("HTTP_API_V2");
    assertThat(ctx.get("sourceIp").asText()).isEqualTo("198.51.100.23");
    assertThat(ctx.get("stage").asText()).isEqualTo("dev");
    assertThat(ctx.get("authorizer").get("sub").asText()).isEqualTo("user-7");
  }

  @Test
  void givesTheLambdaAuthorizerContextOfAnHttpApiPayload10() {
    JsonNode ctx = body(invoke(handler(), get("http-api-v1-get.json", "/context")));

    assertThat(ctx.get("sourceIp").asText()).isEqualTo("198.51.100.31");
    assertThat(ctx.get("authorizer").get("plan").asText()).isEqualTo("gold");
  }

  @Test
  void givesFunctionUrlRequestsTheIamIdentityAndNoStage() {
    JsonNode ctx = body(invoke(handler(), get("function-url-post.json", "/context")));

    assertThat(ctx.get("source").asText()).isEqualTo("FUNCTION_URL");
    assertThat(ctx.get("sourceIp").asText()).isEqualTo("192.0.2.44");
    assertThat(ctx.get("stage").isNull()).isTrue();
    assertThat(ctx.get("authorizer").get("userArn").asText()).isEqualTo("arn:aws:iam::111122223333:user/ada");
  }

  @Test
  void givesAlbRequestsTheForwardedForAddressTheLoadBalancerAppended() {
    JsonNode ctx = body(invoke(handler(), get("alb-single.json", "/context")));

    assertThat(ctx.get("source").asText()).isEqualTo("ALB");
    assertThat(ctx.get("sourceIp").asText()).isEqualTo("203.0.113.7");
    assertThat(ctx.get("authorizer")).isEmpty();
  }

  @Test
  void exposesTheRawEventAsALazilyParsedTree() {
    JsonNode ctx = body(invoke(handler(), get("rest-v1-get.json", "/context")));

    assertThat(ctx.get("rawEventPresent").asBoolean()).isTrue();
    assertThat(ctx.get("rawRequestId").asText()).isEqualTo("c6af9ac6-7b61-11e6-9a41-93e8deadbeef");
  }

  @Test
  void putsTheAwsRequestIdIntoTheMdcWhileTheAppRuns() {
    JsonNode echo = body(invoke(handler(), get("http-api-v2-get.json", "/echo/x")));

    assertThat(echo.get("mdcRequestId").asText()).isEqualTo(REQUEST_ID);
    assertThat(org.slf4j.MDC.get("AWSRequestId")).isNull();
  }

  @Test
  void isEmptyForRequestsThatDidNotComeThroughLambda() {
    Request local = Request.builder("GET", "/").build();

    assertThat(LambdaRequestContext.of(local)).isEmpty();
  }
}
