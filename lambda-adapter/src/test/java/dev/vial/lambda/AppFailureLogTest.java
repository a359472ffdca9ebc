package dev.vial.lambda;

import static dev.vial.Responses.ok;
import static dev.vial.lambda.BodyPolicyTest.get;
import static dev.vial.lambda.Invocations.REQUEST_ID;
import static dev.vial.lambda.Invocations.body;
import static dev.vial.lambda.Invocations.handler;
import static dev.vial.lambda.Invocations.invoke;
import static dev.vial.lambda.MdcSimpleServiceProvider.APP_LOG;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vial.App;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.MDC;
import org.slf4j.event.Level;

/** What the app logs when it fails under the adapter, and what the client gets instead. */
@Timeout(30)
class AppFailureLogTest {

  @BeforeEach
  void forgetEarlierLines() {
    APP_LOG.lines.clear();
  }

  @Test
  void logsAFailingHandlerWithTheAwsRequestIdAndAnswersABare500() {
    JsonNode envelope = invoke(handler(), get("http-api-v2-get.json", "/boom"));

    assertThat(envelope.get("statusCode").asInt()).isEqualTo(500);
    assertThat(envelope.get("body").asText()).isEqualTo("{\"error\":\"Internal Server Error\",\"status\":500}");
    assertThat(APP_LOG.lines).singleElement().satisfies(line -> {
      assertThat(line.level()).isEqualTo(Level.ERROR);
      assertThat(line.message()).isEqualTo("Unhandled exception for GET /boom");
      assertThat(line.mdcRequestId()).isEqualTo(REQUEST_ID);
    });
    assertThat(MDC.get("AWSRequestId")).isNull();
  }

  @Test
  void answersAHandlerOverItsDeadlineWithA503EnvelopeAndLogsItWithTheAwsRequestId() {
    App app = new App().deadline(Duration.ofMillis(200)).get("/slow", req -> {
      Thread.sleep(10_000);
      return ok("too late");
    });

    JsonNode envelope = invoke(new LambdaHandler(app), get("rest-v1-get.json", "/slow"));

    assertThat(envelope.get("statusCode").asInt()).isEqualTo(503);
    assertThat(envelope.get("headers").get("Content-Type").asText()).isEqualTo("application/json");
    assertThat(body(envelope)).isEqualTo(Invocations.JSON.valueToTree(
        Map.of("error", "Service Unavailable", "status", 503)));
    assertThat(envelope.get("isBase64Encoded").asBoolean()).isFalse();
    assertThat(APP_LOG.lines).singleElement().satisfies(line -> {
      assertThat(line.level()).isEqualTo(Level.WARN);
      assertThat(line.message()).contains("GET /slow").contains("200 ms deadline");
      assertThat(line.mdcRequestId()).isEqualTo(REQUEST_ID);
    });
  }

  @Test
  void givesAHandlerUnderADeadlineTheCallersAwsRequestId() {
    App app = new App().deadline(Duration.ofSeconds(10))
        .get("/id", req -> ok(String.valueOf(MDC.get("AWSRequestId"))));

    JsonNode envelope = invoke(new LambdaHandler(app), get("http-api-v2-get.json", "/id"));

    assertThat(envelope.get("statusCode").asInt()).isEqualTo(200);
    assertThat(envelope.get("body").asText()).isEqualTo(REQUEST_ID);
  }
}
