package dev.vial.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vial.App;
import dev.vial.lambda.LambdaHandler;
import org.junit.jupiter.api.Test;

/** An app with sessions gets its signing key from a secret stack parameter, in every function of the template. */
class SessionKeyPartTest {

  private static App appWithSessions() {
    return SamTemplateTest.app().secretKey("a-key-of-at-least-16-chars").sessions();
  }

  @Test
  void passesTheSecretParameterToEveryFunctionAsVialSecretKey() {
    App app = appWithSessions();
    ObjectNode template = SamTemplate.tree(app, new LambdaHandler(app),
        TemplateOptions.defaults("x.jar").withStreamingUrl("com.example.Main"));

    assertThat(template.at("/Parameters/SessionSecretKey/NoEcho").asBoolean()).isTrue();
    assertThat(template.at("/Parameters/SessionSecretKey/MinLength").asInt()).isEqualTo(16);
    long functions = 0;
    for (var resource : template.get("Resources")) {
      if (resource.path("Type").asText().equals("AWS::Serverless::Function")) {
        functions++;
        assertThat(resource.at("/Properties/Environment/Variables/VIAL_SECRET_KEY").toString())
            .isEqualTo("{\"Ref\":\"SessionSecretKey\"}");
      }
    }
    assertThat(functions).as("the app's function and the streaming one").isEqualTo(2);
  }

  @Test
  void anAppWithoutSessionsHasNoKeyParameter() {
    App app = SamTemplateTest.app();
    ObjectNode template = SamTemplate.tree(app, new LambdaHandler(app), TemplateOptions.defaults("x.jar"));

    assertThat(template.at("/Parameters/SessionSecretKey").isMissingNode()).isTrue();
    assertThat(template.toString()).doesNotContain("VIAL_SECRET_KEY");
  }
}
