package dev.vial.example.echo.files;

import static dev.vial.example.echo.files.StaticAssetsTest.gunzip;
import static dev.vial.example.echo.files.StaticAssetsTest.resource;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vial.example.echo.EchoApp;
import dev.vial.testkit.TestClient;
import dev.vial.testkit.TestRequest;
import dev.vial.testkit.TestResponse;
import dev.vial.testkit.Transport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The echo app's static files, caching, ranges and compression give the same answers through every front door.
 * The app also has CORS, so {@code Vary} lists {@code Origin} next to {@code Accept-Encoding}.
 */
class StaticFilesConformanceTest {

  private static final Map<Transport, TestClient> CLIENTS = new EnumMap<>(Transport.class);

  @BeforeAll
  static void startEveryFrontDoor() {
    for (Transport transport : Transport.values()) {
      CLIENTS.put(transport, TestClient.of(transport, EchoApp.create()));
    }
  }

  @AfterAll
  static void stopEveryFrontDoor() {
    CLIENTS.values().forEach(TestClient::close);
  }

  private static TestResponse send(Transport transport, TestRequest request) {
    return CLIENTS.get(transport).send(request);
  }

  private static TestResponse get(Transport transport, String path, String... headers) {
    TestRequest request = TestRequest.get(path);
    for (int i = 0; i < headers.length; i += 2) {
      request = request.header(headers[i], headers[i + 1]);
    }
    return send(transport, request);
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void theFolderAnswersItsIndexPage(Transport transport) throws IOException {
    for (String path : new String[] {"/static/", "/static"}) {
      TestResponse response = get(transport, path);
      assertThat(response.status()).as(path).isEqualTo(200);
      assertThat(response.contentType()).isEqualTo("text/html; charset=utf-8");
      assertThat(response.body()).isEqualTo(resource("index.html"));
    }
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void filesCarryTypeValidatorsAndCachePolicy(Transport transport) throws IOException {
    TestResponse css = get(transport, "/static/style.css");
    TestResponse png = get(transport, "/static/vial.png");

    assertThat(css.status()).isEqualTo(200);
    assertThat(css.contentType()).isEqualTo("text/css; charset=utf-8");
    assertThat(css.header("X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(css.header("ETag")).startsWith("\"").endsWith("\"");
    assertThat(css.header("Last-Modified")).endsWith(" GMT");
    assertThat(css.header("Cache-Control")).isEqualTo("no-cache");
    assertThat(css.header("Accept-Ranges")).isEqualTo("bytes");
    assertThat(css.body()).isEqualTo(resource("style.css"));
    assertThat(png.contentType()).isEqualTo("image/png");
    assertThat(png.body()).isEqualTo(resource("vial.png"));
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void aBigTextFileIsGzippedForClientsThatAcceptIt(Transport transport) throws IOException {
    TestResponse plain = get(transport, "/static/big.txt");
    TestResponse gzip = get(transport, "/static/big.txt", "Accept-Encoding", "gzip, deflate, br");

    assertThat(plain.header("Content-Encoding")).isNull();
    assertThat(plain.body()).isEqualTo(resource("big.txt"));
    assertThat(plain.header("Vary").split(", ")).containsExactlyInAnyOrder("Accept-Encoding", "Origin");
    assertThat(gzip.status()).isEqualTo(200);
    assertThat(gzip.header("Content-Encoding")).isEqualTo("gzip");
    assertThat(gzip.header("Vary").split(", ")).containsExactlyInAnyOrder("Accept-Encoding", "Origin");
    assertThat(gzip.header("ETag")).isEqualTo(plain.header("ETag").replaceFirst("\"$", "-gzip\""));
    assertThat(gzip.body().length).isLessThan(resource("big.txt").length / 4);
    assertThat(gunzip(gzip.body())).isEqualTo(resource("big.txt"));
    if (transport == Transport.HTTP) {
      assertThat(gzip.header("Content-Length")).isEqualTo(Integer.toString(gzip.body().length));
    }
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void thePrecompressedScriptIsSentAsItIs(Transport transport) throws IOException {
    TestResponse gzip = get(transport, "/static/app.js", "Accept-Encoding", "gzip");
    TestResponse plain = get(transport, "/static/app.js", "Accept-Encoding", "identity");

    assertThat(gzip.header("Content-Encoding")).isEqualTo("gzip");
    assertThat(gzip.contentType()).isEqualTo("text/javascript; charset=utf-8");
    assertThat(gzip.body()).isEqualTo(resource("app.js.gz"));
    assertThat(plain.body()).isEqualTo(resource("app.js"));
    assertThat(plain.header("Vary").split(", ")).containsExactlyInAnyOrder("Accept-Encoding", "Origin");
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void revalidationGets304WithEitherTag(Transport transport) {
    TestResponse plain = get(transport, "/static/big.txt");
    TestResponse gzip = get(transport, "/static/big.txt", "Accept-Encoding", "gzip");

    for (String tag : new String[] {plain.header("ETag"), gzip.header("ETag")}) {
      TestResponse again = get(transport, "/static/big.txt", "Accept-Encoding", "gzip", "If-None-Match", tag);
      assertThat(again.status()).as(tag).isEqualTo(304);
      assertThat(again.body()).isEmpty();
      assertThat(again.header("ETag")).isEqualTo(gzip.header("ETag"));
      assertThat(again.header("Vary").split(", ")).containsExactlyInAnyOrder("Accept-Encoding", "Origin");
      assertThat(again.header("Cache-Control")).isEqualTo("no-cache");
    }
    assertThat(get(transport, "/static/big.txt", "If-Modified-Since", plain.header("Last-Modified")).status())
        .isEqualTo(304);
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void rangesGive206Or416AndHeadGivesTheHeaders(Transport transport) {
    TestResponse range = get(transport, "/static/big.txt", "Range", "bytes=0-9", "Accept-Encoding", "gzip");
    TestResponse tail = get(transport, "/static/big.txt", "Range", "bytes=-5");
    TestResponse unsatisfiable = get(transport, "/static/big.txt", "Range", "bytes=1000000-");
    TestResponse head = send(transport, TestRequest.head("/static/big.txt"));

    assertThat(range.status()).isEqualTo(206);
    assertThat(range.header("Content-Encoding")).isNull();
    assertThat(range.bodyText()).isEqualTo("line 00001");
    assertThat(range.header("Content-Range")).isEqualTo("bytes 0-9/70000");
    assertThat(tail.header("Content-Range")).isEqualTo("bytes 69995-69999/70000");
    assertThat(unsatisfiable.status()).isEqualTo(416);
    assertThat(unsatisfiable.header("Content-Range")).isEqualTo("bytes */70000");
    assertThat(head.status()).isEqualTo(200);
    assertThat(head.body()).isEmpty();
    assertThat(head.header("Content-Length")).isEqualTo("70000");
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void namesThatCouldLeaveTheRootAre404(Transport transport) {
    for (String path : new String[] {"/static/%2e%2e/%2e%2e/pom.xml", "/static/..%2fEchoApp.class",
        "/static/..%5cEchoApp.class", "/static/%252e%252e/EchoApp.class", "/static/index.html%00.png",
        "/static/.env", "/static/%2egit/config", "/static/c:%5cwindows%5cwin.ini", "/static/CON",
        "/static/..%2f..%2fdev/vial/example/echo/EchoApp.class"}) {
      TestResponse response = get(transport, path);
      assertThat(response.status()).as(transport + " " + path).isEqualTo(404);
      assertThat(response.bodyText()).isEqualTo("{\"error\":\"Not Found\",\"status\":404}");
    }
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void apiResponsesVaryAndSmallOnesStayUncompressed(Transport transport) {
    TestResponse user = get(transport, "/users/42", "Accept-Encoding", "gzip");

    assertThat(user.bodyText()).isEqualTo("{\"id\":42}");
    assertThat(user.header("Content-Encoding")).isNull();
    assertThat(user.header("Vary").split(", ")).containsExactlyInAnyOrder("Accept-Encoding", "Origin");
    assertThat(new String(user.body(), StandardCharsets.UTF_8)).isEqualTo("{\"id\":42}");
  }
}
