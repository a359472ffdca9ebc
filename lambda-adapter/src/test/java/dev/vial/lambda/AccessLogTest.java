package dev.vial.lambda;

import static dev.vial.lambda.BodyPolicyTest.get;
import static dev.vial.lambda.Invocations.REQUEST_ID;
import static dev.vial.lambda.Invocations.invoke;
import static dev.vial.lambda.Invocations.invokeRaw;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.slf4j.event.Level;

class AccessLogTest {

  private final CapturingLogger access = new CapturingLogger("dev.vial.lambda.access");
  private final LambdaHandler handler =
      new LambdaHandler(TestApp.create(), LambdaOptions.defaults(), access, new CapturingLogger("log"));

  @Test
  void writesOneAccessLineWithTheRequestIdInTheMdc() {
    invoke(handler, get("rest-v1-get.json", "/echo/x"));

    assertThat(access.lines).hasSize(1);
    CapturingLogger.Line line = access.lines.get(0);
    assertThat(line.level()).isEqualTo(Level.INFO);
    assertThat(line.message()).startsWith("REST_V1 GET /echo/x 200 ");
    assertThat(line.mdcRequestId()).isEqualTo(REQUEST_ID);
  }

  @Test
  void writesAWarningLineForARefusedEvent() {
    assertThatThrownBy(() -> invokeRaw(handler, "{}".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(UnsupportedEventException.class);

    assertThat(access.lines).singleElement().satisfies(line -> {
      assertThat(line.level()).isEqualTo(Level.WARN);
      assertThat(line.message()).contains("rejected event", "empty JSON object");
    });
  }

}
