package dev.vial.lambda;

import static dev.vial.lambda.Invocations.body;
import static dev.vial.lambda.Invocations.event;
import static dev.vial.lambda.Invocations.invoke;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BasePathTest {

  private final LambdaHandler handler =
      new LambdaHandler(TestApp.create(), LambdaOptions.defaults().withBasePaths(List.of("/v1", "/v1/echo", "/api")));

  @Test
  void stripsTheFirstMatchingBasePathOnACustomDomain() {
    ObjectNode event = event("rest-v1-get.json");
    event.put("path", "/v1/echo/x");
    ((ObjectNode) event.get("requestContext")).put("path", "/v1/echo/x");

    JsonNode echo = body(invoke(handler, event));

    assertThat(echo.get("path").asText()).isEqualTo("/echo/x");
    assertThat(echo.get("mountPath").asText()).isEqualTo("/v1");
  }

  @Test
  void stripsOnlyWholeSegments() {
    ObjectNode event = event("alb-single.json");
    event.put("path", "/v1echo");

    JsonNode envelope = invoke(handler, event);

    assertThat(envelope.get("statusCode").asInt()).isEqualTo(404);
  }

  @Test
  void leavesPathsWithoutABasePathAlone() {
    ObjectNode event = event("alb-single.json");
    event.put("path", "/echo/v1");

    JsonNode echo = body(invoke(handler, event));

    assertThat(echo.get("path").asText()).isEqualTo("/echo/v1");
    assertThat(echo.get("mountPath").asText()).isEmpty();
  }

  @Test
  void stripsTheStageFirstAndThenTheBasePath_onAnHttpApi() {
    ObjectNode event = event("http-api-v2-get.json");
    event.put("rawPath", "/dev/api/echo/x");

    JsonNode echo = body(invoke(handler, event));

    assertThat(echo.get("path").asText()).isEqualTo("/echo/x");
    assertThat(echo.get("mountPath").asText()).isEqualTo("/dev/api");
  }

  @Test
  void addsTheBasePathToTheRestStage() {
    ObjectNode event = event("rest-v1-get.json");
    event.put("path", "/api/echo/x");
    ((ObjectNode) event.get("requestContext")).put("path", "/prod/api/echo/x");

    JsonNode echo = body(invoke(handler, event));

    assertThat(echo.get("path").asText()).isEqualTo("/echo/x");
    assertThat(echo.get("mountPath").asText()).isEqualTo("/prod/api");
  }

  @Test
  void routesTheBasePathItselfAsRoot() {
    ObjectNode event = event("function-url-post.json");
    event.put("rawPath", "/api");

    JsonNode envelope = invoke(handler, event);

    assertThat(envelope.get("statusCode").asInt()).isEqualTo(404);
    assertThat(body(envelope).get("error").asText()).isEqualTo("Not Found");
  }

  @Test
  void refusesMalformedBasePaths() {
    for (String bad : new String[] {"v1", "/v1/", "/"}) {
      assertThatThrownBy(() -> new LambdaOptions(List.of(bad)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining(bad);
    }
    assertThatThrownBy(() -> new LambdaOptions(null)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void keepsItsOwnCopyOfTheBasePaths() {
    List<String> bases = new ArrayList<>(List.of("/v1"));
    LambdaOptions options = LambdaOptions.defaults().withBasePaths(bases);
    bases.add("/v2");

    assertThat(options.basePaths()).containsExactly("/v1");
    assertThat(LambdaOptions.defaults().basePaths()).isEmpty();
  }
}
