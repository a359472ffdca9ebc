package dev.vial.compress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vial.App;
import dev.vial.Blueprint;
import dev.vial.Headers;
import dev.vial.Request;
import dev.vial.Response;
import dev.vial.Responses;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Gzip compression as an app sees it: negotiation, what is never compressed, Vary and ETags. */
class CompressionTest {

  private static final String TEXT = "All work and no play makes Jack a dull boy. ".repeat(100);

  private static App app() {
    return new App()
        .compression()
        .get("/text", req -> Responses.ok(TEXT))
        .get("/small", req -> Responses.ok("tiny"))
        .get("/json", req -> Responses.json(java.util.Map.of("text", TEXT)))
        .get("/png", req -> Responses.bytes(TEXT.getBytes(StandardCharsets.UTF_8), "image/png"))
        .get("/tagged", req -> Responses.ok(TEXT).withHeader("ETag", "\"v1\""))
        .get("/weak", req -> Responses.ok(TEXT).withHeader("ETag", "W/\"v1\""))
        .get("/encoded", req -> Responses.bytes(new byte[2000], "text/plain").withHeader("Content-Encoding", "br"))
        .get("/no-transform", req -> Responses.ok(TEXT).withHeader("Cache-Control", "public, no-transform"))
        .get("/events", req -> Responses.bytes(TEXT.getBytes(StandardCharsets.UTF_8), "text/event-stream"))
        .get("/partial", req -> Responses.ok(TEXT).withStatus(206))
        .get("/varied", req -> Responses.ok(TEXT).withHeader("Vary", "Origin"))
        .get("/random", req -> Responses.bytes(randomBytes(), "text/plain"))
        .get("/missing", req -> Responses.error(404, TEXT))
        .get("/streamed", req -> Responses.stream("text/plain; charset=utf-8", out -> out.write(new byte[4096])));
  }

  private static Response get(App app, String method, String path, String... headers) {
    return app.handle(Request.builder(method, path).headers(Headers.of(headers)).build());
  }

  private static Response get(String path, String... headers) {
    return get(app(), "GET", path, headers);
  }

  @ParameterizedTest
  @ValueSource(strings = {"gzip", "GZIP", "deflate, gzip;q=0.5", "*", "x-gzip", "br;q=1.0, gzip;q=0.8, *;q=0.1",
      "identity;q=0, gzip", "gzip ; q=1"})
  void compressesForClientsThatAcceptGzip(String acceptEncoding) throws IOException {
    Response response = get("/text", "Accept-Encoding", acceptEncoding);

    assertThat(response.header("Content-Encoding")).as(acceptEncoding).isEqualTo("gzip");
    assertThat(response.body().length).isLessThan(TEXT.length() / 5);
    assertThat(gunzip(response.body())).isEqualTo(TEXT);
    assertThat(response.header("Vary")).isEqualTo("Accept-Encoding");
    assertThat(response.contentType()).isEqualTo("text/plain; charset=utf-8");
    assertThat(response.header("Content-Length")).isNull();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "identity", "gzip;q=0", "*;q=0", "gzip;q=0, *", "br", "deflate", "*, gzip;q=0",
      "identity;q=0", "gzip;q=2", "gzip;q=0.0001", "gzip;q=abc"})
  void sendsIdentityOtherwiseAndNever406(String acceptEncoding) {
    Response response = get("/text", "Accept-Encoding", acceptEncoding);

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.header("Content-Encoding")).as(acceptEncoding).isNull();
    assertThat(response.bodyText()).isEqualTo(TEXT);
    assertThat(response.header("Vary")).isEqualTo("Accept-Encoding");
  }

  @Test
  void noAcceptEncodingMeansIdentity() {
    assertThat(get("/text").header("Content-Encoding")).isNull();
    assertThat(get("/text").header("Vary")).isEqualTo("Accept-Encoding");
  }

  @Test
  void compressesJsonAndErrorBodies() throws IOException {
    assertThat(get("/json", "Accept-Encoding", "gzip").header("Content-Encoding")).isEqualTo("gzip");
    Response missing = get("/missing", "Accept-Encoding", "gzip");
    assertThat(missing.status()).isEqualTo(404);
    assertThat(gunzip(missing.body())).contains("All work");
  }

  @ParameterizedTest
  @ValueSource(strings = {"/small", "/png", "/encoded", "/no-transform", "/events", "/partial", "/random"})
  void leavesAloneWhatMustNotOrNeedNotBeCompressed(String path) {
    Response plain = get(path);
    Response response = get(path, "Accept-Encoding", "gzip");

    assertThat(response.body()).as(path).isEqualTo(plain.body());
    assertThat(response.header("Content-Encoding")).isEqualTo(plain.header("Content-Encoding"));
  }

  @Test
  void noVaryWhereTheEncodingCannotDiffer() {
    assertThat(get("/png", "Accept-Encoding", "gzip").header("Vary")).isNull();
    assertThat(get("/events", "Accept-Encoding", "gzip").header("Vary")).isNull();
    assertThat(get("/small", "Accept-Encoding", "gzip").header("Vary")).isEqualTo("Accept-Encoding");
  }

  @Test
  void aStreamedBodyIsNeverBufferedToBeCompressed() {
    Response response = get("/streamed", "Accept-Encoding", "gzip");

    assertThat(response.isStreaming()).isTrue();
    assertThat(response.header("Content-Encoding")).isNull();
    assertThat(response.header("Vary")).isNull();
  }

  @Test
  void headIsNotCompressedButVaries() {
    Response response = get(app(), "HEAD", "/text", "Accept-Encoding", "gzip");

    assertThat(response.header("Content-Encoding")).isNull();
    assertThat(response.body()).isEmpty();
    assertThat(response.header("Vary")).isEqualTo("Accept-Encoding");
  }

  @Test
  void mergesVaryWithWhatIsThere() {
    assertThat(get("/varied", "Accept-Encoding", "gzip").header("Vary")).isEqualTo("Origin, Accept-Encoding");
  }

  @Test
  void aCompressedResponseHasItsOwnStrongTagAndEitherTagRevalidates() {
    Response compressed = get("/tagged", "Accept-Encoding", "gzip");

    assertThat(compressed.header("ETag")).isEqualTo("\"v1-gzip\"");
    assertThat(get("/tagged").header("ETag")).isEqualTo("\"v1\"");
    assertThat(get("/weak", "Accept-Encoding", "gzip").header("ETag")).isEqualTo("W/\"v1\"");
    for (String tag : new String[] {"\"v1\"", "\"v1-gzip\"", "W/\"v1-gzip\""}) {
      Response gzipClient = get("/tagged", "Accept-Encoding", "gzip", "If-None-Match", tag);
      Response plainClient = get("/tagged", "If-None-Match", tag);
      assertThat(gzipClient.status()).as(tag).isEqualTo(304);
      assertThat(gzipClient.header("ETag")).isEqualTo("\"v1-gzip\"");
      assertThat(gzipClient.header("Vary")).isEqualTo("Accept-Encoding");
      assertThat(gzipClient.header("Content-Encoding")).isNull();
      assertThat(gzipClient.body()).isEmpty();
      assertThat(plainClient.status()).as(tag).isEqualTo(304);
      assertThat(plainClient.header("Vary")).isEqualTo("Accept-Encoding");
    }
    assertThat(get("/tagged", "Accept-Encoding", "gzip", "If-None-Match", "\"v2\"").status()).isEqualTo(200);
  }

  @Test
  void onlyTheGroupThatAsksIsCompressed() {
    App app = new App()
        .get("/plain", req -> Responses.ok(TEXT))
        .register(new Blueprint("/api").compression().get("/text", req -> Responses.ok(TEXT)));

    assertThat(get(app, "GET", "/plain", "Accept-Encoding", "gzip").header("Content-Encoding")).isNull();
    assertThat(get(app, "GET", "/api/text", "Accept-Encoding", "gzip").header("Content-Encoding")).isEqualTo("gzip");
  }

  @Test
  void theMinimumSizeAndLevelAreConfigurable() {
    App app = new App().compression(Compression.defaults().withMinSize(0).withLevel(9))
        .get("/small", req -> Responses.ok("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"));

    assertThat(get(app, "GET", "/small", "Accept-Encoding", "gzip").header("Content-Encoding")).isEqualTo("gzip");
    assertThat(Compression.defaults().minSize()).isEqualTo(1024);
    assertThat(Compression.defaults().level()).isEqualTo(6);
    assertThatThrownBy(() -> Compression.defaults().withLevel(10)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Compression.defaults().withMinSize(-1)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void compressibleTypes() {
    for (String type : new String[] {"text/html; charset=utf-8", "text/css", "application/json",
        "text/javascript", "application/javascript", "application/xml", "image/svg+xml", "application/problem+json",
        "application/atom+xml", "application/wasm"}) {
      assertThat(Compression.isCompressible(type)).as(type).isTrue();
    }
    for (String type : new String[] {"image/png", "image/jpeg", "video/mp4", "application/gzip", "font/woff2",
        "application/octet-stream", "text/event-stream", "text/event-stream; charset=utf-8", ""}) {
      assertThat(Compression.isCompressible(type)).as(type).isFalse();
    }
    assertThat(Compression.isCompressible(null)).isFalse();
  }

  /** Bytes gzip cannot shrink: the response goes out as it is rather than bigger. */
  private static byte[] randomBytes() {
    byte[] bytes = new byte[1500];
    new java.util.Random(42).nextBytes(bytes);
    return bytes;
  }

  static String gunzip(byte[] gzip) throws IOException {
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzip))) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
