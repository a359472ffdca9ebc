package dev.vial.lambda.gateway;

import static dev.vial.Responses.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.vial.App;
import dev.vial.Headers;
import dev.vial.lambda.LambdaHandler;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Fuzz targets for the gateway emulation's two translations: any bytes a function writes are read
 * into a response or refused as a {@link MalformedEnvelopeException} (the gateway's 502); any request a
 * client can send becomes an event the adapter answers. In a normal run they replay their seeds
 * ({@code src/test/resources/dev/vial/lambda/gateway/GatewayFuzzTestInputs/<method>/}); see docs/fuzzing.md.
 */
class GatewayFuzzTest {

  private static final List<GatewayKind> KINDS = List.of(GatewayKind.values());
  private static final LambdaHandler HANDLER = new LambdaHandler(app());

  private static App app() {
    App app = new App();
    app.get("/", req -> ok("root"));
    app.route("POST", "/echo/{rest:path}", req -> ok(req.path() + " " + req.body().length));
    return app;
  }

  @FuzzTest(maxDuration = "5m")
  void envelopesYieldAResponseOrAMalformedEnvelope(FuzzedDataProvider data) {
    GatewayKind kind = data.pickValue(KINDS);
    String method = data.pickValue(List.of("GET", "HEAD", "POST"));
    byte[] envelope = data.consumeRemainingAsBytes();
    try {
      GatewayResponse response = GatewayEnvelopes.read(envelope, kind, method);
      assertThat(response.headers()).isNotNull();
      if (method.equals("HEAD")) {
        assertThat(response.body()).isEmpty();
      }
    } catch (MalformedEnvelopeException expected) {
      assertThat(expected.getMessage()).isNotBlank();
    }
  }

  @FuzzTest(maxDuration = "5m")
  void anyRequestBecomesAnEventTheAdapterAnswers(FuzzedDataProvider data) throws IOException {
    GatewayKind kind = data.pickValue(KINDS);
    String method = data.pickValue(List.of("GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS", "PATCH"));
    String path = "/" + data.consumeString(64);
    String query = data.consumeBoolean() ? data.consumeString(64) : null;
    Headers.Builder headers = Headers.builder();
    int count = data.consumeInt(0, 6);
    for (int i = 0; i < count; i++) {
      headers.add(data.pickValue(List.of("Cookie", "Content-Type", "X-Dup", "Accept")), data.consumeString(40));
    }
    byte[] body = data.consumeRemainingAsBytes();
    GatewayRequest request = new GatewayRequest(method, path, query, headers.build(), body);

    byte[] event = GatewayEvents.write(request, kind, data.pickValue(List.of("$default", "dev")),
        BinaryBodies.mediaTypes(List.of("*/*")));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    HANDLER.handleRequest(new ByteArrayInputStream(event), out, new dev.vial.lambda.LocalContext("vial-emulated", java.time.Duration.ofSeconds(30), org.slf4j.LoggerFactory.getLogger("fuzz")));
    GatewayResponse response = GatewayEnvelopes.read(out.toByteArray(), kind, method);

    assertThat(response.status()).isBetween(200, 499);
  }

  @Test
  void aHugeEnvelopeIsReadInTimeLinearInItsSize() {
    StringBuilder envelope = new StringBuilder("{\"statusCode\":200,\"multiValueHeaders\":{");
    for (int i = 0; i < 50_000; i++) {
      envelope.append(i == 0 ? "" : ",").append("\"X-H").append(i).append("\":[\"v\",\"w\"]");
    }
    envelope.append("},\"body\":\"").append("a".repeat(2_000_000)).append("\"}");
    byte[] bytes = envelope.toString().getBytes(StandardCharsets.UTF_8);

    long start = System.nanoTime();
    GatewayResponse response = GatewayEnvelopes.read(bytes, GatewayKind.REST, "GET");
    Duration took = Duration.ofNanos(System.nanoTime() - start);

    assertThat(response.headers().size()).isEqualTo(100_001); // the two values of each, and Content-Length
    assertThat(response.body()).hasSize(2_000_000);
    assertThat(took).isLessThan(Duration.ofSeconds(60)); // ~3 MB, generous for a loaded machine; quadratic work takes hours
  }
}
