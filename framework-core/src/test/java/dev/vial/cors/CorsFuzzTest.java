package dev.vial.cors;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.vial.App;
import dev.vial.Headers;
import dev.vial.Request;
import dev.vial.Response;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Fuzz targets for the CORS code that reads untrusted request headers: the origin matcher, the
 * {@code Access-Control-Request-Headers} list reader, and whole preflights through {@link App#handle}.
 * In a normal test run each replays its committed seeds
 * ({@code src/test/resources/dev/vial/cors/CorsFuzzTestInputs/<method>/}); {@code JAZZER_FUZZ=1} fuzzes
 * (see docs/fuzzing.md).
 */
class CorsFuzzTest {

  private static final OriginMatcher MATCHER = OriginMatcher.of(List.of(
      "https://app.example", "https://*.app.example", "http://localhost:8080"));
  /** The documented meaning of the pattern, written independently as a regex (only in the test). */
  private static final Pattern ONE_LABEL = Pattern.compile("https://[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.app\\.example");

  private static final App APP = new App()
      .cors(CorsPolicy.allowOrigins("https://app.example", "https://*.app.example")
          .allowMethods("GET", "POST", "PUT", "DELETE")
          .allowHeaders("Content-Type", "X-Requested-With")
          .allowCredentials(true))
      .get("/items", req -> dev.vial.Responses.ok("items"));

  @FuzzTest(maxDuration = "5m")
  void originMatchingAgreesWithItsDefinition(FuzzedDataProvider data) {
    String origin = data.consumeRemainingAsString();

    boolean expected = origin.equals("https://app.example") || origin.equals("http://localhost:8080")
        || ONE_LABEL.matcher(origin).matches();

    assertThat(MATCHER.matches(origin)).as(origin).isEqualTo(expected);
  }

  @FuzzTest(maxDuration = "5m")
  void requestHeaderListsYieldLowerCaseTokensOrARefusal(FuzzedDataProvider data) {
    List<String> fields = List.of(data.consumeString(256), data.consumeRemainingAsString());

    List<String> tokens = TokenList.parse(fields);

    if (tokens != null) {
      for (String token : tokens) {
        assertThat(TokenList.isToken(token)).as(token).isTrue();
        assertThat(token).isEqualTo(token.toLowerCase(java.util.Locale.ROOT));
        assertThat(token).doesNotContain(",");
      }
    }
  }

  @FuzzTest(maxDuration = "5m")
  void preflightsAreAnswered204Or403AndNeverEchoUncheckedInput(FuzzedDataProvider data) {
    String origin = data.consumeString(128);
    String method = data.consumeString(16);
    String requestHeaders = data.consumeRemainingAsString();

    Response response = APP.handle(Request.builder("OPTIONS", "/items").headers(Headers.of(
        "Origin", origin, "Access-Control-Request-Method", method,
        "Access-Control-Request-Headers", requestHeaders)).build());

    assertThat(response.status()).isIn(204, 403);
    if (response.status() == 204) {
      assertThat(response.header("Access-Control-Allow-Origin")).isEqualTo(origin);
      assertThat(MATCHER.matches(origin)).isTrue();
      String allowed = response.header("Access-Control-Allow-Headers");
      if (allowed != null) {
        for (String header : allowed.split(", ")) {
          assertThat(header).isIn("content-type", "x-requested-with");
        }
      }
    } else {
      for (String name : response.headers().names()) {
        assertThat(name.toLowerCase(java.util.Locale.ROOT)).doesNotStartWith("access-control-");
      }
      assertThat(response.bodyText()).startsWith("{\"error\":\"CORS preflight refused: ");
    }
  }
}
