package dev.vial.testkit;

import static dev.vial.Responses.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.vial.App;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class TestClientTest {

  @Test
  void inMemoryClientCallsTheAppDirectly() {
    App app = new App().get("/hi/{name}", req -> ok("hi " + req.pathParam("name") + " " + req.query("x")));

    TestResponse response = TestClient.inMemory(app).get("/hi/bob?x=1");

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.bodyText()).isEqualTo("hi bob 1");
  }

  @Test
  void lambdaClientFeedsTheEventAndDecodesTheEnvelope() {
    AtomicReference<String> received = new AtomicReference<>();
    RequestStreamHandler handler = (in, out, context) -> {
      received.set(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      out.write("{\"statusCode\":200,\"headers\":{\"content-type\":\"text/plain\"},\"body\":\"ok\",\"isBase64Encoded\":false}"
          .getBytes(StandardCharsets.UTF_8));
    };

    TestResponse response = TestClient.lambda(handler, Transport.HTTP_API_V2).get("/x");

    assertThat(received.get()).contains("\"rawPath\":\"/dev/x\"");
    assertThat(response.bodyText()).isEqualTo("ok");
  }

  @Test
  void lambdaClientRefusesNonLambdaTransports() {
    assertThatThrownBy(() -> TestClient.lambda((in, out, c) -> { }, Transport.HTTP))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
