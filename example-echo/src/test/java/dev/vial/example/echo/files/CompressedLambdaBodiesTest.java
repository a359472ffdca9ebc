package dev.vial.example.echo.files;

import static dev.vial.example.echo.files.StaticAssetsTest.gunzip;
import static dev.vial.example.echo.files.StaticAssetsTest.resource;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vial.App;
import dev.vial.Responses;
import dev.vial.example.echo.EchoLambda;
import dev.vial.lambda.LambdaHandler;
import dev.vial.testkit.TestClient;
import dev.vial.testkit.TestLambdaContext;
import dev.vial.testkit.TestRequest;
import dev.vial.testkit.Transport;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Base64;
import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** On Lambda, compressed and binary bodies go out base64, and the size limit counts what is sent. */
class CompressedLambdaBodiesTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private static JsonNode invoke(LambdaHandler handler, Transport shape, TestRequest request) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    handler.handleRequest(new ByteArrayInputStream(TestClient.event(request, shape)), out, new TestLambdaContext());
    return MAPPER.readTree(out.toByteArray());
  }

  /** The one value of a response header in any envelope shape (headers or multiValueHeaders, any case). */
  private static String header(JsonNode envelope, String name) {
    for (String field : new String[] {"headers", "multiValueHeaders"}) {
      for (var entry : envelope.path(field).properties()) {
        if (entry.getKey().toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))) {
          JsonNode value = entry.getValue();
          return value.isArray() ? value.get(0).asText() : value.asText();
        }
      }
    }
    return null;
  }

  @ParameterizedTest
  @EnumSource(value = Transport.class, mode = EnumSource.Mode.MATCH_ALL, names = "^(?!IN_MEMORY|HTTP$).*")
  void aGzippedBodyGoesOutBase64(Transport shape) throws IOException {
    JsonNode envelope = invoke(new EchoLambda(), shape,
        TestRequest.get("/static/big.txt").header("Accept-Encoding", "gzip"));

    assertThat(envelope.path("statusCode").asInt()).isEqualTo(200);
    assertThat(envelope.path("isBase64Encoded").asBoolean()).isTrue();
    assertThat(header(envelope, "Content-Encoding")).isEqualTo("gzip");
    assertThat(gunzip(Base64.getDecoder().decode(envelope.path("body").asText()))).isEqualTo(resource("big.txt"));
  }

  @ParameterizedTest
  @EnumSource(value = Transport.class, mode = EnumSource.Mode.MATCH_ALL, names = "^(?!IN_MEMORY|HTTP$).*")
  void binaryFilesGoOutBase64AndTextAsText(Transport shape) throws IOException {
    JsonNode png = invoke(new EchoLambda(), shape, TestRequest.get("/static/vial.png"));
    JsonNode css = invoke(new EchoLambda(), shape, TestRequest.get("/static/style.css"));

    assertThat(png.path("isBase64Encoded").asBoolean()).isTrue();
    assertThat(Base64.getDecoder().decode(png.path("body").asText())).isEqualTo(resource("vial.png"));
    assertThat(css.path("isBase64Encoded").asBoolean()).isFalse();
    assertThat(css.path("body").asText().getBytes(java.nio.charset.StandardCharsets.UTF_8))
        .isEqualTo(resource("style.css"));
  }

  @ParameterizedTest
  @EnumSource(value = Transport.class, names = {"REST_V1", "HTTP_API_V2", "FUNCTION_URL", "ALB"})
  void theSizeLimitCountsTheCompressedBody(Transport shape) throws IOException {
    // 8 MB of text: over the 6 MB (and ALB 1 MB) limit as it is, a few kilobytes once gzipped
    String big = "0123456789abcdef".repeat(512 * 1024);
    LambdaHandler handler = new LambdaHandler(new App().compression().get("/big", req -> Responses.ok(big)));

    JsonNode gzipped = invoke(handler, shape, TestRequest.get("/big").header("Accept-Encoding", "gzip"));
    JsonNode plain = invoke(handler, shape, TestRequest.get("/big"));

    assertThat(gzipped.path("statusCode").asInt()).isEqualTo(200);
    assertThat(gunzip(Base64.getDecoder().decode(gzipped.path("body").asText())).length).isEqualTo(big.length());
    assertThat(plain.path("statusCode").asInt()).isEqualTo(500);
    assertThat(plain.path("body").asText()).contains("exceeds the");
  }
}
