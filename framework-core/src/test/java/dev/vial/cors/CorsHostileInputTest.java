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
 * Origins and request-header lists built to make a careless matcher backtrack or rescan: each is about a
 * megabyte, so anything quadratic would take hours. The bounds are generous (a minute, on a loaded
 * machine) because a linear pass over these inputs takes milliseconds.
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
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void hugeOriginsThatAlmostMatchAPatternAreRefusedInLinearTime() {
    OriginMatcher matcher = OriginMatcher.of(List.of("https://*.app.example"));
    List<String> hostile = List.of(
        "https://" + "a".repeat(MB) + ".app.example",                 // a label far over 63 characters
        "https://" + "a.".repeat(MB / 2) + "app.example",                 // half a million labels
        "https://" + "a".repeat(62) + "-".repeat(MB) + ".app.example", // hyphens up to the end
        "https://x" + ".app.example".repeat(MB / 12),                       // the suffix over and over
        "https://".repeat(MB / 8) + "a.app.example");

    for (String origin : hostile) {
      assertThat(matcher.matches(origin)).isFalse();
    }
  }

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void hugeRequestHeaderListsAreReadInLinearTime() {
    assertThat(TokenList.parse(List.of(",".repeat(MB)))).isEmpty();
    assertThat(TokenList.parse(List.of(" ,".repeat(MB / 2)))).isEmpty();
    assertThat(TokenList.parse(List.of("a" + " ".repeat(MB) + "b"))).isNull();
    assertThat(TokenList.parse(List.of("content-type,".repeat(MB / 13)))).hasSize(MB / 13);
  }

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void hostilePreflightsAreRefusedQuickly() {
    String hugeLabel = "https://" + "a".repeat(MB) + ".app.example";

    assertThat(preflight(hugeLabel, "content-type").status()).isEqualTo(403);
    assertThat(preflight("https://app.example", "content-type,".repeat(MB / 13) + "x-other").status())
        .isEqualTo(403);
    assertThat(preflight("https://app.example", "\t,".repeat(MB / 2)).status()).isEqualTo(204);
  }
}
