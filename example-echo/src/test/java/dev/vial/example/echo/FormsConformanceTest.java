package dev.vial.example.echo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vial.testkit.TestClient;
import dev.vial.testkit.TestRequest;
import dev.vial.testkit.TestResponse;
import dev.vial.testkit.Transport;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Multipart uploads and signed-cookie sessions give the same answers through every front door: uploads
 * reach Lambda as base64 bodies, session cookies leave it in the {@code cookies} array (HTTP API 2.0,
 * Function URL) or as separate {@code Set-Cookie} fields (REST, HTTP API 1.0, ALB).
 */
class FormsConformanceTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Map<Transport, TestClient> CLIENTS = new EnumMap<>(Transport.class);
  private static final String BOUNDARY = "----VialFormBoundary7MA4YWxkTrZu0gW";

  @BeforeAll
  static void startEveryFrontDoor() {
    for (Transport transport : Transport.values()) {
      CLIENTS.put(transport, TestClient.of(transport, EchoApp.create()));
    }
  }

  @AfterAll
  static void stopEveryFrontDoor() {
    for (TestClient client : CLIENTS.values()) {
      client.close();
    }
  }

  private static TestResponse send(Transport transport, TestRequest request) {
    return CLIENTS.get(transport).send(request);
  }

  private static JsonNode json(TestResponse response) {
    try {
      return MAPPER.readTree(response.body());
    } catch (IOException e) {
      throw new AssertionError("not JSON: " + response.bodyText(), e);
    }
  }

  /** A multipart body as a browser sends it: a text field, a binary file, a file with a UTF-8 name, another field. */
  static byte[] browserForm(byte[] binary) {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    String dash = "--" + BOUNDARY + "\r\n";
    body.writeBytes((dash + "Content-Disposition: form-data; name=\"title\"\r\n\r\nHoliday \u2600\r\n")
        .getBytes(StandardCharsets.UTF_8));
    body.writeBytes((dash + "Content-Disposition: form-data; name=\"photo\"; filename=\"beach.bin\"\r\n"
        + "Content-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
    body.writeBytes(binary);
    body.writeBytes(("\r\n" + dash + "Content-Disposition: form-data; name=\"notes\"; filename=\"notes.txt\"; "
        + "filename*=UTF-8''%E2%82%AC%20r%C3%A9sum%C3%A9.txt\r\nContent-Type: text/plain\r\n\r\nline 1\r\nline 2\r\n")
        .getBytes(StandardCharsets.UTF_8));
    body.writeBytes((dash + "Content-Disposition: form-data; name=\"tag\"\r\n\r\nsea\r\n--" + BOUNDARY + "--\r\n")
        .getBytes(StandardCharsets.UTF_8));
    return body.toByteArray();
  }

  private static String sha256(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void uploadDescribesFieldsAndFilesInBodyOrder(Transport transport) throws Exception {
    byte[] binary = new byte[70_000];
    for (int i = 0; i < binary.length; i++) {
      binary[i] = (byte) (i * 31);
    }

    TestResponse response = send(transport, TestRequest.of("POST", "/upload")
        .body(browserForm(binary), "multipart/form-data; boundary=" + BOUNDARY));

    assertThat(response.status()).as(response.bodyText()).isEqualTo(200);
    assertThat(response.bodyText()).isEqualTo("{\"fields\":{\"title\":\"Holiday \u2600\",\"tag\":\"sea\"},\"files\":["
        + "{\"field\":\"photo\",\"filename\":\"beach.bin\",\"contentType\":\"application/octet-stream\",\"size\":70000,"
        + "\"sha256\":\"" + sha256(binary) + "\"},"
        + "{\"field\":\"notes\",\"filename\":\"\u20ac r\u00e9sum\u00e9.txt\",\"contentType\":\"text/plain\",\"size\":14,"
        + "\"sha256\":\"" + sha256("line 1\r\nline 2".getBytes(StandardCharsets.US_ASCII)) + "\"}]}");
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void malformedUploadsAre400AndTooManyPartsA413(Transport transport) {
    TestResponse unterminated = send(transport, TestRequest.of("POST", "/upload").body(
        "--b\r\nContent-Disposition: form-data; name=a\r\n\r\nno end".getBytes(StandardCharsets.US_ASCII),
        "multipart/form-data; boundary=b"));
    TestResponse noBoundary = send(transport, TestRequest.of("POST", "/upload").body(new byte[] {1}, "multipart/form-data"));
    TestResponse tooMany = send(transport, TestRequest.of("POST", "/upload").body(
        ("--b\r\nContent-Disposition: form-data; name=a\r\n\r\n1\r\n".repeat(1001) + "--b--")
            .getBytes(StandardCharsets.US_ASCII), "multipart/form-data; boundary=b"));

    assertThat(unterminated.status()).isEqualTo(400);
    assertThat(json(unterminated).get("error").asText())
        .isEqualTo("Malformed multipart body: it ends inside part 1, without the closing delimiter --b--");
    assertThat(noBoundary.status()).isEqualTo(400);
    assertThat(json(noBoundary).get("error").asText()).isEqualTo("Content-Type multipart/form-data has no boundary parameter");
    assertThat(tooMany.status()).isEqualTo(413);
    assertThat(json(tooMany).get("error").asText()).isEqualTo("Multipart body has more than 1000 parts (the limit)");
  }

  /** The {@code session=value} pair of the one session cookie {@code response} sets. */
  private static String sessionValue(TestResponse response) {
    assertThat(response.setCookies()).hasSize(1);
    String cookie = response.setCookies().get(0);
    assertThat(cookie).startsWith("session=");
    return cookie.substring("session=".length(), cookie.indexOf(';'));
  }

  private static String mountPath(Transport transport) {
    return switch (transport) {
      case REST_V1 -> "/prod";
      case HTTP_API_V2 -> "/dev";
      default -> "/";
    };
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void sessionCountsUpAcrossRequestsAndClearsWithAnExpiredCookie(Transport transport) {
    TestResponse first = send(transport, TestRequest.get("/session"));

    assertThat(first.bodyText()).isEqualTo("{\"count\":1}");
    assertThat(first.header("Vary")).isEqualTo("Origin, Accept-Encoding, Cookie"); // CORS varies every echo answer on Origin, compression on Accept-Encoding
    assertThat(first.setCookies().get(0))
        .matches("session=[A-Za-z0-9_.-]+; Max-Age=2678400; Path=" + mountPath(transport) + "; HttpOnly; SameSite=Lax");

    TestResponse second = send(transport, TestRequest.get("/session").cookie("session", sessionValue(first)));
    assertThat(second.bodyText()).isEqualTo("{\"count\":2}");
    TestResponse third = send(transport, TestRequest.get("/session").cookie("session", sessionValue(second)));
    assertThat(third.bodyText()).isEqualTo("{\"count\":3}");

    TestResponse cleared = send(transport, TestRequest.of("DELETE", "/session").cookie("session", sessionValue(third)));
    assertThat(cleared.bodyText()).isEqualTo("{\"count\":0}");
    assertThat(cleared.setCookies()).containsExactly("session=; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0; Path="
        + mountPath(transport) + "; HttpOnly; SameSite=Lax");
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void aTamperedSessionCookieStartsAFreshSession(Transport transport) {
    String value = sessionValue(send(transport, TestRequest.get("/session")));
    String tampered = "eyJjb3VudCI6OTk5fQ" + value.substring(value.indexOf('.'));

    TestResponse response = send(transport, TestRequest.get("/session").cookie("session", tampered));

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.bodyText()).isEqualTo("{\"count\":1}");
  }
}
