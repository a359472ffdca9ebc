package dev.vial.lambda.gateway;

import static dev.vial.Responses.json;
import static dev.vial.Responses.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.vial.App;
import dev.vial.Cookie;
import dev.vial.Headers;
import dev.vial.Request;
import dev.vial.Response;
import dev.vial.lambda.LambdaHandler;
import dev.vial.lambda.LambdaRequestContext;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class GatewayEmulationTest {

  private static App app() {
    App app = new App();
    app.get("/users/{id}", req -> {
      Map<String, Object> seen = new LinkedHashMap<>();
      seen.put("id", req.pathParam("id"));
      seen.put("path", req.path());
      seen.put("stage", req.context(LambdaRequestContext.class).flatMap(LambdaRequestContext::stage).orElse(null));
      seen.put("source", req.context(LambdaRequestContext.class).map(c -> c.source().name()).orElse(null));
      seen.put("x", req.header("X-Dup"));
      return json(seen);
    });
    app.get("/cookies", req -> ok("two").withCookie(Cookie.of("a", "1")).withCookie(Cookie.of("b", "2")));
    app.post("/bytes", req -> Response.of(200).withBody(req.body(), "application/octet-stream"));
    return app;
  }

  private static Request get(String target) {
    int question = target.indexOf('?');
    Request.Builder request = Request.builder("GET", question < 0 ? target : target.substring(0, question));
    if (question >= 0) {
      request.rawQuery(target.substring(question + 1));
    }
    return request.headers(Headers.of("X-dup", "one", "X-dup", "two")).build();
  }

  private static Response send(EmulationOptions options, Request request) {
    return GatewayEmulation.app(new LambdaHandler(app()), options).handle(request);
  }

  @Test
  void httpApiTakesTheStageFromTheUrlAndTheAppSeesThePathWithoutIt() {
    Response response = send(EmulationOptions.of(GatewayKind.HTTP_API).withStage("dev"), get("/dev/users/42"));

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.bodyText()).isEqualTo(
        "{\"id\":\"42\",\"path\":\"/users/42\",\"stage\":\"dev\",\"source\":\"HTTP_API_V2\",\"x\":\"one,two\"}");
  }

  @Test
  void aUrlOutsideTheStageIsTheGatewaysOwn404() {
    Response response = send(EmulationOptions.of(GatewayKind.HTTP_API).withStage("dev"), get("/users/42"));
    Response prefixOnly = send(EmulationOptions.of(GatewayKind.HTTP_API).withStage("dev"), get("/devx/users/42"));

    assertThat(response.status()).isEqualTo(404);
    assertThat(response.contentType()).isEqualTo("application/json");
    assertThat(response.bodyText()).isEqualTo("{\"message\":\"Not Found\"}");
    assertThat(prefixOnly.status()).isEqualTo(404);
  }

  @Test
  void aRestApiAnswersAnotherFirstSegment403ForbiddenAndKeepsHeaderValuesApart() {
    EmulationOptions rest = EmulationOptions.of(GatewayKind.REST).withStage("dev");

    Response outside = send(rest, get("/prod/users/42"));
    Response inside = send(rest, get("/dev/users/42"));

    assertThat(outside.status()).isEqualTo(403);
    assertThat(outside.bodyText()).isEqualTo("{\"message\":\"Forbidden\"}");
    assertThat(inside.bodyText()).contains("\"stage\":\"dev\"", "\"source\":\"REST_V1\"", "\"path\":\"/users/42\"");
  }

  @Test
  void theDefaultStageAndKindsWithoutStagesPutNothingInTheUrl() {
    assertThat(send(EmulationOptions.of(GatewayKind.HTTP_API), get("/users/7")).bodyText())
        .contains("\"stage\":\"$default\"");
    assertThat(send(EmulationOptions.of(GatewayKind.FUNCTION_URL), get("/users/7")).bodyText())
        .contains("\"source\":\"FUNCTION_URL\"");
    assertThat(send(EmulationOptions.of(GatewayKind.ALB), get("/users/7")).bodyText())
        .contains("\"source\":\"ALB\"", "\"x\":\"two\"");
    assertThat(send(EmulationOptions.of(GatewayKind.REST), get("/Prod/users/7")).bodyText())
        .contains("\"stage\":\"Prod\"");
  }

  @Test
  void aBasePathMustLeadTheUrlAndReachesTheFunctionAsAwsSendsIt() {
    EmulationOptions options = EmulationOptions.of(GatewayKind.HTTP_API).withBasePath("/v1");

    assertThat(send(options, get("/users/7")).status()).isEqualTo(404);
    // without LambdaOptions.withBasePaths the app sees /v1 and has no such route, as on AWS
    assertThat(send(options, get("/v1/users/7")).status()).isEqualTo(404);
    LambdaHandler stripping = new LambdaHandler(app(), dev.vial.lambda.LambdaOptions.defaults()
        .withBasePaths(List.of("/v1")));
    Response mapped = GatewayEmulation.app(stripping, options).handle(get("/v1/users/7"));
    assertThat(mapped.status()).isEqualTo(200);
    assertThat(mapped.bodyText()).contains("\"path\":\"/users/7\"");
  }

  @Test
  void cookiesComeBackAsOneSetCookieEachForEveryKind() {
    for (GatewayKind kind : GatewayKind.values()) {
      Request request = get(kind == GatewayKind.REST ? "/Prod/cookies" : "/cookies");
      Response response = send(EmulationOptions.of(kind), request);

      assertThat(response.headers().all("Set-Cookie")).as(kind.name()).containsExactly("a=1", "b=2");
      assertThat(response.bodyText()).isEqualTo("two");
    }
  }

  @Test
  void binaryBodiesTravelBase64BothWays() {
    byte[] bytes = {0, (byte) 0xff, (byte) 0xc3, 0x28};
    Request request = Request.builder("POST", "/bytes").headers(Headers.of("Content-Type", "application/octet-stream"))
        .body(bytes).build();
    for (GatewayKind kind : List.of(GatewayKind.HTTP_API, GatewayKind.ALB_MULTI_VALUE, GatewayKind.FUNCTION_URL)) {
      assertThat(send(EmulationOptions.of(kind), request).body()).as(kind.name()).containsExactly(bytes);
    }
  }

  @Test
  void aRestApiPassesBodiesOutsideItsBinaryMediaTypesAsText() {
    RequestStreamHandler capture = (in, out, context) -> {
      String event = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      String base64 = event.contains("\"isBase64Encoded\":true") ? "base64" : "text";
      out.write(("{\"statusCode\":200,\"body\":\"" + base64 + "\"}").getBytes(StandardCharsets.UTF_8));
    };
    Request png = Request.builder("POST", "/Prod/x").headers(Headers.of("Content-Type", "image/png"))
        .body(new byte[] {1, 2}).build();
    Request json = Request.builder("POST", "/Prod/x").headers(Headers.of("Content-Type", "application/json"))
        .body("{}".getBytes(StandardCharsets.UTF_8)).build();
    EmulationOptions images = EmulationOptions.of(GatewayKind.REST).withBinaryMediaTypes(List.of("image/*"));

    assertThat(GatewayEmulation.app(capture, images).handle(png).bodyText()).isEqualTo("base64");
    assertThat(GatewayEmulation.app(capture, images).handle(json).bodyText()).isEqualTo("text");
    assertThat(GatewayEmulation.app(capture, EmulationOptions.of(GatewayKind.REST)).handle(json).bodyText())
        .isEqualTo("base64");
  }

  @Test
  void aMalformedEnvelopeOrAFailingFunctionIs502InternalServerError() {
    RequestStreamHandler garbage = (in, out, context) -> out.write("not json".getBytes(StandardCharsets.UTF_8));
    RequestStreamHandler noStatus = (in, out, context) -> out.write("{\"body\":\"x\"}".getBytes(StandardCharsets.UTF_8));
    RequestStreamHandler throwing = (in, out, context) -> {
      throw new IllegalStateException("boom");
    };
    EmulationOptions httpApi = EmulationOptions.of(GatewayKind.HTTP_API);

    for (RequestStreamHandler handler : List.of(garbage, noStatus, throwing)) {
      Response response = GatewayEmulation.app(handler, httpApi).handle(get("/"));
      assertThat(response.status()).isEqualTo(502);
      assertThat(response.bodyText()).isEqualTo("{\"message\":\"Internal server error\"}");
    }
    Response alb = GatewayEmulation.app(garbage, EmulationOptions.of(GatewayKind.ALB)).handle(get("/"));
    assertThat(alb.status()).isEqualTo(502);
    assertThat(alb.bodyText()).contains("502 Bad Gateway");
  }

  @Test
  void anAlbAnswerWithoutStatusDescriptionIs502() {
    RequestStreamHandler apiShaped = (in, out, context) ->
        out.write("{\"statusCode\":200,\"headers\":{},\"body\":\"x\"}".getBytes(StandardCharsets.UTF_8));

    assertThat(GatewayEmulation.app(apiShaped, EmulationOptions.of(GatewayKind.ALB)).handle(get("/")).status())
        .isEqualTo(502);
    assertThat(GatewayEmulation.app(apiShaped, EmulationOptions.of(GatewayKind.HTTP_API)).handle(get("/")).status())
        .isEqualTo(200);
  }

  @Test
  void aFunctionSlowerThanTheIntegrationTimeoutGets504OnRestAnd503OnHttpApis() {
    CountDownLatch never = new CountDownLatch(1);
    RequestStreamHandler stuck = (in, out, context) -> {
      try {
        never.await(60, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    };
    Duration short_ = Duration.ofMillis(200);

    Response rest = GatewayEmulation.app(stuck, EmulationOptions.of(GatewayKind.REST).withTimeout(short_))
        .handle(get("/Prod/"));
    Response httpApi = GatewayEmulation.app(stuck, EmulationOptions.of(GatewayKind.HTTP_API).withTimeout(short_))
        .handle(get("/"));

    assertThat(rest.status()).isEqualTo(504);
    assertThat(rest.bodyText()).isEqualTo("{\"message\":\"Endpoint request timed out\"}");
    assertThat(httpApi.status()).isEqualTo(503);
    assertThat(httpApi.bodyText()).isEqualTo("{\"message\":\"Service Unavailable\"}");
  }

  @Test
  void aBodyOverTheGatewayLimitIs413WithoutInvokingTheFunction() {
    RequestStreamHandler mustNotRun = (in, out, context) -> {
      throw new AssertionError("invoked");
    };
    Request big = Request.builder("POST", "/x").body(new byte[101]).build();

    Response response = GatewayEmulation.app(mustNotRun, EmulationOptions.of(GatewayKind.HTTP_API).withMaxBodyBytes(100))
        .handle(big);
    Response alb = GatewayEmulation.app(mustNotRun, EmulationOptions.of(GatewayKind.ALB).withMaxBodyBytes(100))
        .handle(big);

    assertThat(response.status()).isEqualTo(413);
    assertThat(response.header("Content-Type")).isEqualTo("text; charset=utf-8");
    assertThat(response.bodyText()).isEqualTo("HTTP content length exceeded 100 bytes.");
    assertThat(alb.status()).isEqualTo(413);
    assertThat(alb.bodyText()).isEqualTo("{\"message\":\"Request Entity Too Large\"}");
  }

  @Test
  void anEventOverLambdasPayloadLimitIs413RequestTooLongWithoutInvokingTheFunction() {
    RequestStreamHandler mustNotRun = (in, out, context) -> {
      throw new AssertionError("invoked");
    };
    // 5 MiB of bytes: under the gateway's 10 MiB, but about 6.7 MiB once base64 in the event
    Request upload = Request.builder("POST", "/Prod/upload")
        .headers(Headers.of("Content-Type", "application/octet-stream")).body(new byte[5 * 1024 * 1024]).build();

    Response response = GatewayEmulation.app(mustNotRun, EmulationOptions.of(GatewayKind.REST)).handle(upload);

    assertThat(response.status()).isEqualTo(413);
    assertThat(response.bodyText()).isEqualTo("{\"message\":\"Request Too Long\"}");
  }

  @Test
  void optionsRefuseAStageForKindsWithoutStagesAndExplainBadValues() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> EmulationOptions.of(GatewayKind.ALB).withStage("dev"))
        .hasMessageContaining("no stages");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> EmulationOptions.of(GatewayKind.REST).withStage("a/b"))
        .hasMessageContaining("one path segment");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> GatewayKind.named("apigw"))
        .hasMessageContaining("http-api");
    assertThat(EmulationOptions.of(GatewayKind.HTTP_API).withStage("dev").entryPath()).isEqualTo("/dev/");
  }
}
