package dev.vial.lambda;

import static dev.vial.Responses.ok;
import static dev.vial.lambda.Invocations.event;
import static dev.vial.lambda.Invocations.invoke;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vial.App;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PrimingTest {

  @Test
  void primesEachPathThroughTheRestAndHttpApiPipelinesInTheConstructor() {
    List<String> seen = new ArrayList<>();
    App app = new App().get("/users/{id:int}", req -> {
      seen.add(req.pathParam("id") + "?" + req.queryAll("x") + " " + LambdaRequestContext.of(req).orElseThrow().source());
      return ok("user");
    });

    new LambdaHandler(app, LambdaOptions.defaults().withPrimingPaths(List.of("/users/42?x=a+b&x=2")));

    assertThat(seen).containsExactly("42?[a b, 2] REST_V1", "42?[a b, 2] HTTP_API_V2");
  }

  @Test
  void doesNotPrimeByDefault() {
    List<String> seen = new ArrayList<>();
    App app = new App().get("/", req -> {
      seen.add(req.path());
      return ok("hello");
    });

    new LambdaHandler(app);

    assertThat(seen).isEmpty();
  }

  @Test
  void aPrimingPathTheAppFailsOrDoesNotKnowLeavesTheHandlerServing() {
    App app = TestApp.create().get("/explode", req -> {
      throw new IllegalStateException("not at init");
    });

    LambdaHandler handler = new LambdaHandler(app,
        LambdaOptions.defaults().withPrimingPaths(List.of("/explode", "/no/such/route")));
    JsonNode envelope = invoke(handler, event("rest-v1-get.json"));

    assertThat(envelope.get("statusCode").asInt()).isEqualTo(200);
  }

  @Test
  void refusesPrimingPathsThatAreNotPaths() {
    assertThatThrownBy(() -> LambdaOptions.defaults().withPrimingPaths(List.of("users/42")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("must start with '/'");
    assertThatThrownBy(() -> new LambdaOptions(List.of(), null))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
