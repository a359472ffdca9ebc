package dev.vial;

import static dev.vial.Exchange.get;
import static dev.vial.Responses.ok;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AppDecodingTest {

  private final App app = new App()
      .get("/p/{value}", req -> ok(req.pathParam("value")))
      .get("/p/{value}/tail", req -> ok("tail " + req.pathParam("value")))
      .get("/files/{rest:path}", req -> ok(req.pathParam("rest")))
      .get("/caf\u00e9", req -> ok("literal " + req.path()))
      .get("/q", req -> ok(String.join("|", req.queryAll("v"))));

  @Test
  void decodesEachPathSegmentOnce() {
    assertThat(get(app, "/p/a%20b").bodyText()).isEqualTo("a b");
    assertThat(get(app, "/p/%252B").bodyText()).isEqualTo("%2B");
    assertThat(get(app, "/p/%E2%82%AC").bodyText()).isEqualTo("\u20ac");
  }

  @Test
  void keepsPlusAsPlusInPaths() {
    assertThat(get(app, "/p/a+b").bodyText()).isEqualTo("a+b");
  }

  @Test
  void encodedSlashStaysInsideItsSegment() {
    assertThat(get(app, "/p/a%2Fb").bodyText()).isEqualTo("a/b");
    assertThat(get(app, "/p/a%2fb/tail").bodyText()).isEqualTo("tail a/b");
  }

  @Test
  void matchesLiteralSegmentsAgainstDecodedText() {
    assertThat(get(app, "/caf%C3%A9").bodyText()).isEqualTo("literal /caf\u00e9");
    assertThat(get(app, "/caf\u00e9").bodyText()).isEqualTo("literal /caf\u00e9");
  }

  @Test
  void restParameterKeepsDecodedSegmentsJoinedBySlashes() {
    assertThat(get(app, "/files/a%20b/c%2Fd").bodyText()).isEqualTo("a b/c/d");
  }

  @Test
  void exposesTheDecodedAndTheRawPath() {
    App paths = new App().get("/x/{v}", req -> ok(req.path() + " " + req.rawPath()));

    assertThat(get(paths, "/x/a%20b").bodyText()).isEqualTo("/x/a b /x/a%20b");
    assertThat(get(paths, "/x/a%20b/").bodyText()).isEqualTo("/x/a b/ /x/a%20b/");
  }

  @ParameterizedTest
  @ValueSource(strings = {"/p/%zz", "/p/%4", "/p/%", "/p/a%", "/p/%FF", "/p/%C3", "/p/%C0%AF", "/p/%ED%A0%80",
      "/nope/%zz"})
  void answersBadRequestForMalformedEscapesAndInvalidUtf8(String path) {
    Response response = get(app, path);

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.bodyText()).contains("\"status\":400").doesNotContain("Exception");
  }

  @Test
  void answersBadRequestForAPathWithoutLeadingSlash() {
    assertThat(get(app, "p/x").status()).isEqualTo(400);
  }

  @Test
  void decodesQueryStringsAsFormsOnce() {
    assertThat(get(app, "/q?v=a+b&v=%2B&v=%252B&v=caf%C3%A9").bodyText()).isEqualTo("a b|+|%2B|caf\u00e9");
  }

  @Test
  void toleratesSloppyQueryStrings() {
    assertThat(get(app, "/q?v=%zz&v=100%&v=%FF").bodyText()).isEqualTo("%zz|100%|\ufffd");
  }
}
