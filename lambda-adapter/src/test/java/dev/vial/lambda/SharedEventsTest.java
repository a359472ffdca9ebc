package dev.vial.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every request event in the project's shared sample folder (real AWS shapes from SAM, AWS's Java and
 * Go libraries, and serverless-offline), read in place, must give a well-formed envelope; every
 * authorizer input must be refused.
 */
class SharedEventsTest {

  private static final Path SHARED = Path.of("../../shared/events");

  static Stream<Path> requestEvents() throws IOException {
    return sharedFiles().filter(file -> !isResponse(file) && !isAuthorizer(file));
  }

  static Stream<Path> authorizerEvents() throws IOException {
    return sharedFiles().filter(SharedEventsTest::isAuthorizer);
  }

  @ParameterizedTest
  @MethodSource("requestEvents")
  void answersEverySharedRequestEventWithAWellFormedEnvelope(Path file) throws IOException {
    JsonNode event = Invocations.JSON.readTree(file.toFile());
    JsonNode envelope = Invocations.JSON.readTree(Invocations.invokeRaw(Invocations.handler(), Files.readAllBytes(file)));

    int status = envelope.get("statusCode").asInt();
    assertThat(status).isBetween(200, 599);
    assertThat(envelope.get("body").isTextual()).isTrue();
    assertThat(envelope.get("isBase64Encoded").isBoolean()).isTrue();
    if (envelope.get("isBase64Encoded").asBoolean()) {
      Base64.getDecoder().decode(envelope.get("body").asText());
    }
    if (event.path("requestContext").has("elb")) {
      assertThat(envelope.get("statusDescription").asText()).startsWith(status + " ");
      String headerField = event.has("multiValueHeaders") ? "multiValueHeaders" : "headers";
      assertThat(envelope.get(headerField).isObject()).isTrue();
      assertThat(envelope.has("headers") ^ envelope.has("multiValueHeaders")).isTrue();
    } else if ("2.0".equals(event.path("version").asText())) {
      assertThat(envelope.get("headers").isObject()).isTrue();
      assertThat(envelope.has("multiValueHeaders")).isFalse();
    } else {
      assertThat(envelope.get("headers").isObject()).isTrue();
      assertThat(envelope.get("multiValueHeaders").isObject()).isTrue();
    }
  }

  @ParameterizedTest
  @MethodSource("authorizerEvents")
  void refusesEverySharedAuthorizerInput(Path file) throws IOException {
    byte[] event = Files.readAllBytes(file);

    assertThatThrownBy(() -> Invocations.invokeRaw(Invocations.handler(), event))
        .isInstanceOf(UnsupportedEventException.class)
        .hasMessageContaining("authorizer input");
  }

  private static Stream<Path> sharedFiles() throws IOException {
    assumeTrue(Files.isDirectory(SHARED), "shared events folder " + SHARED.toAbsolutePath() + " is absent");
    List<Path> files;
    try (Stream<Path> walk = Files.walk(SHARED)) {
      files = walk.filter(path -> path.toString().endsWith(".json")).sorted().toList();
    }
    assertThat(files).isNotEmpty();
    return files.stream();
  }

  private static boolean isResponse(Path file) {
    String name = file.getFileName().toString();
    return name.contains("response");
  }

  /** Authorizer inputs, as the folder's README lists them (not requests that merely carry authorizer data). */
  private static boolean isAuthorizer(Path file) {
    String name = file.getFileName().toString();
    return name.contains("custom-auth") || name.startsWith("apigw_auth")
        || name.equals("apigateway-authorizer.json") || name.equals("apigateway-request-authorizer.json");
  }
}
