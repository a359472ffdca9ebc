package dev.vial.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.events.ApplicationLoadBalancerRequestEvent;
import com.amazonaws.services.lambda.runtime.events.ApplicationLoadBalancerResponseEvent;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LambdaEventsTest {

  private final LambdaEvents vial = new LambdaEvents(TestApp.create());

  @Test
  void answersATypedRestEventLikeTheStreamingHandler() throws Exception {
    APIGatewayProxyRequestEvent.ProxyRequestContext context = new APIGatewayProxyRequestEvent.ProxyRequestContext()
        .withStage("prod")
        .withPath("/prod/echo/caf%C3%A9")
        .withApiId("a1b2c3d4e5")
        .withIdentity(new APIGatewayProxyRequestEvent.RequestIdentity().withSourceIp("198.51.100.23"));
    APIGatewayProxyRequestEvent event = new APIGatewayProxyRequestEvent()
        .withResource("/{proxy+}")
        .withPath("/echo/caf%C3%A9")
        .withHttpMethod("POST")
        .withMultiValueHeaders(Map.of("X-Dup", List.of("one", "two")))
        .withMultiValueQueryStringParameters(Map.of("plus", List.of("%2B")))
        .withBody("AAECA/8=")
        .withIsBase64Encoded(true)
        .withRequestContext(context);

    APIGatewayProxyResponseEvent response = vial.handle(event, new TestContext("typed-1"));

    assertThat(response.getStatusCode()).isEqualTo(200);
    assertThat(response.getIsBase64Encoded()).isFalse();
    JsonNode echo = Invocations.JSON.readTree(response.getBody());
    assertThat(echo.get("path").asText()).isEqualTo("/echo/café");
    assertThat(echo.get("mountPath").asText()).isEqualTo("/prod");
    assertThat(echo.get("query").get("plus").get(0).asText()).isEqualTo("%2B");
    assertThat(echo.get("headers").get("x-dup")).extracting(JsonNode::asText).containsExactly("one", "two");
    assertThat(echo.get("bodyBase64").asText()).isEqualTo("AAECA/8=");
    assertThat(echo.get("remoteAddress").asText()).isEqualTo("198.51.100.23");
  }

  @Test
  void putsSetCookiesIntoMultiValueHeadersOfATypedRestResponse() {
    APIGatewayProxyRequestEvent event = new APIGatewayProxyRequestEvent()
        .withResource("/{proxy+}")
        .withPath("/cookies")
        .withHttpMethod("GET")
        .withQueryStringParameters(Map.of("n", "2"))
        .withRequestContext(new APIGatewayProxyRequestEvent.ProxyRequestContext().withStage("prod"));

    APIGatewayProxyResponseEvent response = vial.handle(event, new TestContext("typed-2"));

    assertThat(response.getMultiValueHeaders().get("Set-Cookie")).containsExactly("c0=v0; Path=/", "c1=v1; Path=/");
    assertThat(response.getHeaders()).containsEntry("Content-Type", "text/plain; charset=utf-8");
  }

  @Test
  void answersATypedHttpApiEventWithCookiesAndClaims() throws Exception {
    APIGatewayV2HTTPEvent event = APIGatewayV2HTTPEvent.builder()
        .withVersion("2.0")
        .withRawPath("/dev/context")
        .withRawQueryString("")
        .withCookies(List.of("session=abc123"))
        .withHeaders(Map.of("accept", "application/json"))
        .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
            .withStage("dev")
            .withApiId("k7m2p9q4r1")
            .withDomainName("k7m2p9q4r1.execute-api.eu-west-1.amazonaws.com")
            .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder().withMethod("GET").withSourceIp("198.51.100.23").build())
            .withAuthorizer(APIGatewayV2HTTPEvent.RequestContext.Authorizer.builder()
                .withJwt(APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT.builder()
                    .withClaims(Map.of("sub", "user-7")).withScopes(List.of("items:read")).build())
                .build())
            .build())
        .build();

    APIGatewayV2HTTPResponse response = vial.handle(event, new TestContext("typed-3"));

    assertThat(response.getStatusCode()).isEqualTo(200);
    JsonNode ctx = Invocations.JSON.readTree(response.getBody());
    assertThat(ctx.get("source").asText()).isEqualTo("HTTP_API_V2");
    assertThat(ctx.get("awsRequestId").asText()).isEqualTo("typed-3");
    assertThat(ctx.get("authorizer").get("sub").asText()).isEqualTo("user-7");
    assertThat(ctx.get("rawEventPresent").asBoolean()).isFalse();
  }

  @Test
  void answersATypedFunctionUrlEventWithTheCookiesArray() {
    APIGatewayV2HTTPEvent event = APIGatewayV2HTTPEvent.builder()
        .withVersion("2.0")
        .withRawPath("/cookies")
        .withRawQueryString("n=2")
        .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
            .withDomainName("abc.lambda-url.eu-west-1.on.aws")
            .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder().withMethod("GET").build())
            .build())
        .build();

    APIGatewayV2HTTPResponse response = vial.handle(event, new TestContext("typed-4"));

    assertThat(response.getCookies()).containsExactly("c0=v0; Path=/", "c1=v1; Path=/");
    assertThat(response.getHeaders()).doesNotContainKey("Set-Cookie");
  }

  @Test
  void answersATypedAlbEventInItsHeaderMode() {
    ApplicationLoadBalancerRequestEvent.Elb elb = new ApplicationLoadBalancerRequestEvent.Elb();
    elb.setTargetGroupArn("arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/vial/0123456789abcdef");
    ApplicationLoadBalancerRequestEvent.RequestContext context = new ApplicationLoadBalancerRequestEvent.RequestContext();
    context.setElb(elb);
    ApplicationLoadBalancerRequestEvent event = new ApplicationLoadBalancerRequestEvent();
    event.setRequestContext(context);
    event.setHttpMethod("GET");
    event.setPath("/cookies");
    event.setMultiValueQueryStringParameters(Map.of("n", List.of("2")));
    event.setMultiValueHeaders(Map.of("x-forwarded-for", List.of("203.0.113.9")));

    ApplicationLoadBalancerResponseEvent response = vial.handle(event, new TestContext("typed-5"));

    assertThat(response.getStatusCode()).isEqualTo(200);
    assertThat(response.getStatusDescription()).isEqualTo("200 OK");
    assertThat(response.getHeaders()).isNull();
    assertThat(response.getMultiValueHeaders().get("Set-Cookie")).containsExactly("c0=v0; Path=/", "c1=v1; Path=/");
  }

  @Test
  void refusesATypedEventWithoutAMethod() {
    APIGatewayProxyRequestEvent event = new APIGatewayProxyRequestEvent()
        .withResource("/{proxy+}")
        .withPath("/echo")
        .withRequestContext(new APIGatewayProxyRequestEvent.ProxyRequestContext());

    assertThatThrownBy(() -> vial.handle(event, new TestContext("typed-6")))
        .isInstanceOf(UnsupportedEventException.class)
        .hasMessageContaining("httpMethod");
  }

  @Test
  void refusesATypedEventOfTheWrongShape() {
    APIGatewayV2HTTPEvent event = APIGatewayV2HTTPEvent.builder().withRawPath("/echo").build();

    assertThatThrownBy(() -> vial.handle(event, new TestContext("typed-7")))
        .isInstanceOf(UnsupportedEventException.class)
        .hasMessageContaining("not an HTTP event");
  }
}
