package dev.vial.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.vial.openapi.Gateway;
import dev.vial.openapi.OpenApi;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OpenApiValidatorTest {

  private static final String INVOKE = Gateway.lambdaInvokeUri("FnAliaslive");

  private final OpenApiValidator validator = new OpenApiValidator();

  @BeforeEach
  void requireValidator() {
    String unavailable = validator.available();
    assumeTrue(unavailable == null, "Skipped: " + unavailable);
  }

  @Test
  void acceptsThePlainDocumentOfAnAppWithEveryParameterTypeAndSchemaShape() throws Exception {
    assertThat(validator.validate(OpenApi.toJson(OpenApi.document(KitchenSinkApi.create())))).isEmpty();
  }

  @Test
  void acceptsEveryGatewayFlavourOfIt() throws Exception {
    for (Gateway gateway : List.of(Gateway.httpApi(INVOKE), Gateway.restApi(INVOKE),
        Gateway.httpApi(INVOKE).withMode(Gateway.Mode.GREEDY), Gateway.restApi(INVOKE).withMode(Gateway.Mode.GREEDY))) {
      assertThat(validator.validateGatewayFlavoured(OpenApi.toJson(OpenApi.document(KitchenSinkApi.create(), gateway))))
          .as(gateway.toString()).isEmpty();
    }
  }

  @Test
  void rejectsADocumentWithAnUndeclaredPathParameter() throws Exception {
    String broken = """
        {"openapi": "3.0.3", "info": {"title": "t", "version": "1"},
         "paths": {"/users/{id}": {"get": {"responses": {"200": {"description": "ok"}}}}}}
        """;

    assertThat(validator.validate(broken)).contains("id");
  }
}
