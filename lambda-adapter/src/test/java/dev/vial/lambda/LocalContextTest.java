package dev.vial.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** A local invocation's context: its own request id, the function's names and the time left. */
class LocalContextTest {

  private final LocalContext context = new LocalContext("orders", Duration.ofSeconds(29), LoggerFactory.getLogger("t"));

  @Test
  void namesTheFunctionAsLambdaWould() {
    assertThat(context.getFunctionName()).isEqualTo("orders");
    assertThat(context.getLogGroupName()).isEqualTo("/aws/lambda/orders");
    assertThat(context.getInvokedFunctionArn()).endsWith(":function:orders");
    assertThat(context.getFunctionVersion()).isEqualTo("$LATEST");
  }

  @Test
  void eachInvocationHasItsOwnRequestId() {
    LocalContext other = new LocalContext("orders", Duration.ofSeconds(29), LoggerFactory.getLogger("t"));

    assertThat(context.getAwsRequestId()).isNotBlank().isNotEqualTo(other.getAwsRequestId());
  }

  @Test
  void countsDownFromItsTimeout() {
    assertThat(context.getRemainingTimeInMillis()).isBetween(1, 29_000);
    assertThat(new LocalContext("f", Duration.ZERO, LoggerFactory.getLogger("t")).getRemainingTimeInMillis()).isZero();
  }

  @Test
  void refusesAMissingName() {
    assertThatThrownBy(() -> new LocalContext(" ", Duration.ofSeconds(1), LoggerFactory.getLogger("t")))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
