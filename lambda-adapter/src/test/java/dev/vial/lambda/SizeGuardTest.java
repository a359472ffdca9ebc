package dev.vial.lambda;

import static dev.vial.lambda.BodyPolicyTest.get;
import static dev.vial.lambda.Invocations.body;
import static dev.vial.lambda.Invocations.invokeRaw;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class SizeGuardTest {

  private final CapturingLogger log = new CapturingLogger("test");
  private final LambdaHandler handler =
      new LambdaHandler(TestApp.create(), LambdaOptions.defaults(), new CapturingLogger("access"), log);

  @Test
  void passesAResponseJustUnderTheLambdaLimit() throws IOException {
    byte[] out = invokeRaw(handler, bytes(big("http-api-v2-get.json", 6_291_556 - 200)));

    assertThat(out.length).isLessThanOrEqualTo(EventDispatcher.LAMBDA_RESPONSE_LIMIT);
    assertThat(Invocations.JSON.readTree(out).get("statusCode").asInt()).isEqualTo(200);
  }

  @Test
  void replacesAResponseOverTheLambdaLimitWithA500NamingTheLimit() throws IOException {
    JsonNode envelope = Invocations.JSON.readTree(invokeRaw(handler, bytes(big("rest-v1-get.json", 6_291_556))));

    assertThat(envelope.get("statusCode").asInt()).isEqualTo(500);
    assertThat(body(envelope).get("error").asText()).contains("6291556", "Lambda response limit");
    assertThat(log.lines).anySatisfy(line -> assertThat(line.message()).contains("6291556", "/big"));
  }

  @Test
  void appliesTheOneMegabyteLimitToAlb() throws IOException {
    JsonNode under = Invocations.JSON.readTree(invokeRaw(handler, bytes(big("alb-single.json", 1_048_576 - 400))));
    assertThat(under.get("statusCode").asInt()).isEqualTo(200);

    JsonNode over = Invocations.JSON.readTree(invokeRaw(handler, bytes(big("alb-single.json", 1_048_576))));
    assertThat(over.get("statusCode").asInt()).isEqualTo(500);
    assertThat(over.get("statusDescription").asText()).isEqualTo("500 Internal Server Error");
    assertThat(body(over).get("error").asText()).contains("1048576", "ALB");
  }

  private static ObjectNode big(String file, int size) {
    ObjectNode event = get(file, "/big");
    if (event.has("rawPath")) {
      event.put("rawQueryString", "size=" + size);
    } else if (event.has("multiValueQueryStringParameters") && !event.get("multiValueQueryStringParameters").isNull()) {
      ((ObjectNode) event.get("multiValueQueryStringParameters")).putArray("size").add(Integer.toString(size));
    } else {
      ((ObjectNode) event.get("queryStringParameters")).put("size", Integer.toString(size));
    }
    return event;
  }

  private static byte[] bytes(JsonNode event) {
    return EventDetectionTest.bytes(event);
  }
}
