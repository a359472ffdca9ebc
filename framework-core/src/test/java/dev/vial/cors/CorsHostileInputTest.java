package dev.vial.cors;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vial.App;
import dev.vial.Headers;
import dev.vial.Request;
import dev.vial.Response;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Origins and request-header lists built to make a careless matcher backtrack or rescan: each is several
 * megabytes, so anything worse than linear would take minutes. The bounds are generous (seconds, on a
 * loaded machine) because a linear pass over these inputs takes milliseconds.
 */
class CorsHostileInputTest {

  private static final int MB = 1 << 20;

  private final App app = new App()
      .cors(CorsPolicy.allowOrigins("https://app.example", "https://*.app.example").allowHeaders("Content-Type"))
      .get("/items", req -> dev.vial.Responses.ok("items"));

  private Response preflight(String origin, String requestHeaders) {
    return app.handle(Request.builder("OPTIONS", "/items").headers(Headers.of(
        "Origin", origin, "Access-Control-Request-Method", "GET",
        "Access-Control-Request-Headers", requestHeaders)).build());
  }

  @Test
  @Timeout(value = 20, unit = TimeUnit.SECONDS)
  void hugeOriginsThatAlmostMatchAPatternAreRefusedInLinearTime() {
    OriginMatcher matcher = OriginMatcher.of(List.of("https://*.app.example"));
    List<String> hostile = List.of(
        "https://" + "a".repeat(4 * MB) + ".app.example",                 // a label far over 63 characters
        "https://" + "a.".repeat(2 * MB) + "app.example",                 // millions of labels
        "https://" + "a".repeat(62) + "-".repeat(4 * MB) + ".app.example", // hyphens up to the end
        "https://x" + ".app.example".repeat(MB / 4),                       // the suffix over and over
        "https://".repeat(MB / 2) + "a.app.example");

    for (String origin : hostile) {
      assertThat(matcher.matches(origin)).isFalse();
    }
  }

  @Test
  @Timeout(value = 20, unit = TimeUnit.SECONDS)
  void hugeRequestHeaderListsAreReadInLinearTime() {
    assertThat(TokenList.parse(List.of(",".repeat(4 * MB)))).isEmpty();
    assertThat(TokenList.parse(List.of(" ,".repeat(2 * MB)))).isEmpty();
    assertThat(TokenList.parse(List.of("a" + " ".repeat(4 * MB) + "b"))).isNull();
    assertThat(TokenList.parse(List.of("content-type,".repeat(MB / 4)))).hasSize(MB / 4);
  }

  @Test
  @Timeout(value = 20, unit = TimeUnit.SECONDS)
  void hostilePreflightsAreRefusedQuickly() {
    String hugeLabel = "https://" + "a".repeat(4 * MB) + ".app.example";

    assertThat(preflight(hugeLabel, "content-type").status()).isEqualTo(403);
    assertThat(preflight("https://app.example", "content-type,".repeat(MB / 4) + "x-other").status())
        .isEqualTo(403);
    assertThat(preflight("https://app.example", "\t,".repeat(2 * MB)).status()).isEqualTo(204);
  }
}
