package dev.vial.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class LambdaEventsTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private static final TestRequest REQUEST = TestRequest.get("/files/a%2Fb/c++?q=x%2By+z&q=2")
      .header("X-Dup", "one")
      .header("X-Dup", "two")
      .cookie("a", "1")
      .cookie("b", "2");

  private static JsonNode event(TestRequest request, Transport shape) throws Exception {
    return MAPPER.readTree(LambdaEvents.write(request, shape));
  }

  @Test
  void restV1KeepsThePathEncodedAndDecodesQueryValues() throws Exception {
    JsonNode event = event(REQUEST, Transport.REST_V1);

    assertThat(event.path("resource").asText()).isEqualTo("/{proxy+}");
    assertThat(event.path("path").asText()).isEqualTo("/files/a%2Fb/c++");
    assertThat(event.path("requestContext").path("path").asText()).isEqualTo("/prod/files/a%2Fb/c++");
    assertThat(event.path("multiValueQueryStringParameters").path("q").toString()).isEqualTo("[\"x+y z\",\"2\"]");
    assertThat(event.path("queryStringParameters").path("q").asText()).isEqualTo("2");
    assertThat(event.path("multiValueHeaders").path("X-Dup").toString()).isEqualTo("[\"one\",\"two\"]");
    assertThat(event.path("headers").path("X-Dup").asText()).isEqualTo("two");
    assertThat(event.has("version")).isFalse();
  }

  @Test
  void httpApiV2DecodesThePathPrefixesTheStageAndMovesCookies() throws Exception {
    JsonNode event = event(REQUEST, Transport.HTTP_API_V2);

    assertThat(event.path("version").asText()).isEqualTo("2.0");
    assertThat(event.path("rawPath").asText()).isEqualTo("/dev/files/a/b/c++");
    assertThat(event.path("rawQueryString").asText()).isEqualTo("q=x%2By+z&q=2");
    assertThat(event.path("requestContext").path("stage").asText()).isEqualTo("dev");
    assertThat(event.path("headers").path("x-dup").asText()).isEqualTo("one,two");
    assertThat(event.path("headers").has("cookie")).isFalse();
    assertThat(event.path("cookies").toString()).isEqualTo("[\"a=1\",\"b=2\"]");
  }

  @Test
  void httpApiV2OnTheDefaultStageHasNoStagePrefix() throws Exception {
    JsonNode event = event(REQUEST, Transport.HTTP_API_V2_DEFAULT_STAGE);

    assertThat(event.path("rawPath").asText()).isEqualTo("/files/a/b/c++");
    assertThat(event.path("requestContext").path("stage").asText()).isEqualTo("$default");
  }

  @Test
  void functionUrlKeepsTheRawPathEncodedOnALambdaUrlDomain() throws Exception {
    JsonNode event = event(REQUEST, Transport.FUNCTION_URL);

    assertThat(event.path("rawPath").asText()).isEqualTo("/files/a%2Fb/c++");
    assertThat(event.path("requestContext").path("domainName").asText()).contains(".lambda-url.");
  }

  @Test
  void httpApiPayload1IsTheRestShapeWithAVersionAndADecodedPath() throws Exception {
    JsonNode event = event(REQUEST, Transport.HTTP_API_V1);

    assertThat(event.path("version").asText()).isEqualTo("1.0");
    assertThat(event.path("requestContext").path("apiId").asText()).isNotEmpty();
    assertThat(event.path("path").asText()).isEqualTo("/files/a/b/c++");
  }

  @Test
  void albPassesQueryValuesStillEncodedInEitherHeaderMode() throws Exception {
    JsonNode single = event(REQUEST, Transport.ALB);
    JsonNode multi = event(REQUEST, Transport.ALB_MULTI_VALUE);

    assertThat(single.path("requestContext").has("elb")).isTrue();
    assertThat(single.path("queryStringParameters").path("q").asText()).isEqualTo("2");
    assertThat(single.path("headers").path("x-dup").asText()).isEqualTo("two");
    assertThat(single.has("multiValueHeaders")).isFalse();
    assertThat(multi.path("multiValueQueryStringParameters").path("q").toString()).isEqualTo("[\"x%2By+z\",\"2\"]");
    assertThat(multi.path("multiValueHeaders").path("x-dup").toString()).isEqualTo("[\"one\",\"two\"]");
    assertThat(multi.has("headers")).isFalse();
  }

  @Test
  void binaryBodiesAreBase64EncodedAndTextBodiesAreNot() throws Exception {
    JsonNode binary = event(TestRequest.of("PUT", "/b").body(new byte[] {0, (byte) 0xff}, "application/octet-stream"),
        Transport.HTTP_API_V2);
    JsonNode text = event(TestRequest.post("/t", "héllo", "text/plain; charset=utf-8"), Transport.REST_V1);

    assertThat(binary.path("isBase64Encoded").asBoolean()).isTrue();
    assertThat(binary.path("body").asText()).isEqualTo("AP8=");
    assertThat(text.path("isBase64Encoded").asBoolean()).isFalse();
    assertThat(text.path("body").asText()).isEqualTo("héllo");
  }

  @Test
  void readsRestEnvelopesMergingHeadersAndDecodingBase64Bodies() {
    String envelope = "{\"statusCode\":201,\"headers\":{\"X-One\":\"1\",\"Set-Cookie\":\"ignored=1\"},"
        + "\"multiValueHeaders\":{\"Set-Cookie\":[\"a=1\",\"b=2; Expires=Wed, 21 Oct 2037 07:28:00 GMT\"]},"
        + "\"body\":\"AP8=\",\"isBase64Encoded\":true}";

    TestResponse response = LambdaEvents.read(envelope.getBytes(StandardCharsets.UTF_8), Transport.REST_V1,
        TestRequest.get("/"));

    assertThat(response.status()).isEqualTo(201);
    assertThat(response.header("x-one")).isEqualTo("1");
    assertThat(response.setCookies()).containsExactly("a=1", "b=2; Expires=Wed, 21 Oct 2037 07:28:00 GMT");
    assertThat(response.body()).containsExactly(0, 0xff);
    assertThat(response.header("Content-Length")).isEqualTo("2");
  }

  @Test
  void readsV2CookiesAsSetCookieHeaders() {
    String envelope = "{\"statusCode\":200,\"headers\":{\"content-type\":\"text/plain\"},\"cookies\":[\"a=1\",\"b=2\"],"
        + "\"body\":\"hi\",\"isBase64Encoded\":false}";

    TestResponse response = LambdaEvents.read(envelope.getBytes(StandardCharsets.UTF_8), Transport.FUNCTION_URL,
        TestRequest.get("/"));

    assertThat(response.setCookies()).containsExactly("a=1", "b=2");
    assertThat(response.bodyText()).isEqualTo("hi");
  }

  @Test
  void rejectsAlbEnvelopesInTheWrongHeaderModeOrWithoutStatusDescription() {
    byte[] multi = "{\"statusCode\":200,\"statusDescription\":\"200 OK\",\"multiValueHeaders\":{}}".getBytes();
    byte[] noDescription = "{\"statusCode\":200,\"headers\":{}}".getBytes();

    assertThatThrownBy(() -> LambdaEvents.read(multi, Transport.ALB, TestRequest.get("/")))
        .hasMessageContaining("single-value");
    assertThatThrownBy(() -> LambdaEvents.read(noDescription, Transport.ALB, TestRequest.get("/")))
        .hasMessageContaining("statusDescription");
  }

  @Test
  void rejectsEnvelopesWithoutAnIntegerStatusCode() {
    assertThatThrownBy(() -> LambdaEvents.read("{\"body\":\"x\"}".getBytes(), Transport.REST_V1, TestRequest.get("/")))
        .hasMessageContaining("statusCode");
    assertThatThrownBy(() -> LambdaEvents.read("not json".getBytes(), Transport.REST_V1, TestRequest.get("/")))
        .hasMessageContaining("not JSON");
  }
}
