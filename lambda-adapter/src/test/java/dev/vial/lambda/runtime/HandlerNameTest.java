package dev.vial.lambda.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HandlerNameTest {

  @Test
  void readsBothFormsAwsAccepts() {
    assertThat(HandlerName.parse("dev.vial.example.echo.EchoLambda::handleRequest").className())
        .isEqualTo("dev.vial.example.echo.EchoLambda");
    assertThat(HandlerName.parse(" pkg.Outer$Inner ").className()).isEqualTo("pkg.Outer$Inner");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "  ", "::handleRequest", "pkg..Class", "pkg.Class.", "1pkg.Class", "pkg.Cl ass"})
  void refusesANameThatIsNoClass(String handler) {
    assertThatThrownBy(() -> HandlerName.parse(handler)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("_HANDLER");
  }

  @Test
  void refusesAnotherMethod() {
    assertThatThrownBy(() -> HandlerName.parse("pkg.Class::apply")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("names method 'apply'");
  }

  @Test
  void refusesAClassThatIsNoLambdaHandler() {
    assertThatThrownBy(() -> HandlerName.parse("java.lang.String").instantiate(getClass().getClassLoader()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("does not extend dev.vial.lambda.LambdaHandler");
  }

  @Test
  void theResponseModeIsBufferedUnlessStreamingIsAskedFor() {
    assertThat(RuntimeLoop.streamingMode(null)).isFalse();
    assertThat(RuntimeLoop.streamingMode("buffered")).isFalse();
    assertThat(RuntimeLoop.streamingMode("STREAMING")).isTrue();
    assertThatThrownBy(() -> RuntimeLoop.streamingMode("response_stream"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("VIAL_LAMBDA_RESPONSE_MODE");
  }
}
