package dev.vial.example.echo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EchoLambdaTest {

  @Test
  void primesOnlyUnderSnapStart() {
    assertThat(EchoLambda.options("snap-start").primingPaths()).containsExactly("/", "/users/42");
    assertThat(EchoLambda.options("on-demand").primingPaths()).isEmpty();
    assertThat(EchoLambda.options(null).primingPaths()).isEmpty();
  }
}
