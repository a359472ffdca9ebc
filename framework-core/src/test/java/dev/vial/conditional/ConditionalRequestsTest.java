package dev.vial.conditional;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vial.App;
import dev.vial.Headers;
import dev.vial.Request;
import dev.vial.Response;
import dev.vial.Responses;
import org.junit.jupiter.api.Test;

/** Conditional GET/HEAD for handler responses that carry validators (Flask's make_conditional). */
class ConditionalRequestsTest {

  private static final String MODIFIED = "Tue, 03 Mar 2026 10:00:00 GMT";
  private static final String EARLIER = "Mon, 02 Mar 2026 10:00:00 GMT";
  private static final String LATER = "Wed, 04 Mar 2026 10:00:00 GMT";

  private static App app() {
    return new App()
        .get("/report", req -> Responses.ok("report").withHeader("ETag", "\"r1\"")
            .withHeader("Last-Modified", MODIFIED).withHeader("Cache-Control", "no-cache")
            .withHeader("Vary", "Origin").withHeader("Content-Language", "en")
            .withHeader("Content-Location", "/report"))
        .get("/dated", req -> Responses.ok("dated").withHeader("Last-Modified", MODIFIED))
        .get("/plain", req -> Responses.ok("plain"))
        .get("/created", req -> Responses.ok("x").withStatus(201).withHeader("ETag", "\"c\""))
        .post("/report", req -> Responses.ok("posted").withHeader("ETag", "\"r1\""));
  }

  private static Response send(String method, String path, String... headers) {
    return app().handle(Request.builder(method, path).headers(Headers.of(headers)).build());
  }

  @Test
  void aMatchingTagGives304WithTheCacheFieldsAndNoBody() {
    Response response = send("GET", "/report", "If-None-Match", "\"r1\"");

    assertThat(response.status()).isEqualTo(304);
    assertThat(response.body()).isEmpty();
    assertThat(response.header("ETag")).isEqualTo("\"r1\"");
    assertThat(response.header("Last-Modified")).isEqualTo(MODIFIED);
    assertThat(response.header("Cache-Control")).isEqualTo("no-cache");
    assertThat(response.header("Vary")).isEqualTo("Origin");
    assertThat(response.header("Content-Location")).isEqualTo("/report");
    assertThat(response.header("Content-Type")).isNull();
    assertThat(response.header("Content-Language")).isNull();
    assertThat(response.header("Content-Length")).isNull();
  }

  @Test
  void ifNoneMatchComparesWeaklyAndTakesListsAndStar() {
    assertThat(send("GET", "/report", "If-None-Match", "W/\"r1\"").status()).isEqualTo(304);
    assertThat(send("GET", "/report", "If-None-Match", "\"a\", \"r1\"").status()).isEqualTo(304);
    assertThat(send("GET", "/report", "If-None-Match", "\"a\"", "If-None-Match", "\"r1\"").status()).isEqualTo(304);
    assertThat(send("GET", "/report", "If-None-Match", "*").status()).isEqualTo(304);
    assertThat(send("GET", "/report", "If-None-Match", "\"r2\"").status()).isEqualTo(200);
    assertThat(send("GET", "/report", "If-None-Match", "r1").status()).isEqualTo(200);
  }

  @Test
  void ifNoneMatchTakesPrecedenceOverIfModifiedSince() {
    assertThat(send("GET", "/report", "If-None-Match", "\"r2\"", "If-Modified-Since", LATER).status())
        .isEqualTo(200);
    assertThat(send("GET", "/report", "If-None-Match", "\"r1\"", "If-Modified-Since", EARLIER).status())
        .isEqualTo(304);
  }

  @Test
  void ifModifiedSinceComparesDatesAndIgnoresInvalidOnes() {
    assertThat(send("GET", "/dated", "If-Modified-Since", MODIFIED).status()).isEqualTo(304);
    assertThat(send("GET", "/dated", "If-Modified-Since", LATER).status()).isEqualTo(304);
    assertThat(send("GET", "/dated", "If-Modified-Since", EARLIER).status()).isEqualTo(200);
    assertThat(send("GET", "/dated", "If-Modified-Since", "yesterday").status()).isEqualTo(200);
    assertThat(send("GET", "/dated", "If-Modified-Since", "Wed, 03 Mar 2026 10:00:00 GMT").status())
        .as("wrong weekday").isEqualTo(200);
  }

  @Test
  void headIsConditionalToo() {
    Response response = send("HEAD", "/report", "If-None-Match", "\"r1\"");

    assertThat(response.status()).isEqualTo(304);
    assertThat(response.header("Content-Length")).isNull();
  }

  @Test
  void ifMatchAndIfUnmodifiedSinceGive412WhenTheyFail() {
    assertThat(send("GET", "/report", "If-Match", "\"r1\"").status()).isEqualTo(200);
    assertThat(send("GET", "/report", "If-Match", "*").status()).isEqualTo(200);
    assertThat(send("GET", "/report", "If-Match", "\"r2\"").status()).isEqualTo(412);
    assertThat(send("GET", "/report", "If-Match", "W/\"r1\"").status()).as("strong comparison").isEqualTo(412);
    assertThat(send("GET", "/report", "If-Unmodified-Since", EARLIER).status()).isEqualTo(412);
    assertThat(send("GET", "/report", "If-Unmodified-Since", LATER).status()).isEqualTo(200);
  }

  @Test
  void onlyA200ToGetOrHeadWithAValidatorIsConsidered() {
    assertThat(send("GET", "/plain", "If-None-Match", "*").status()).isEqualTo(200);
    assertThat(send("GET", "/created", "If-None-Match", "\"c\"").status()).isEqualTo(201);
    assertThat(send("POST", "/report", "If-None-Match", "\"r1\"").status()).isEqualTo(200);
    assertThat(send("GET", "/missing", "If-None-Match", "*").status()).isEqualTo(404);
  }
}
