package dev.vial.cors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OriginMatcherTest {

  private final OriginMatcher matcher = OriginMatcher.of(List.of(
      "https://app.example", "https://*.app.example", "http://localhost:8080", "http://[::1]:3000"));

  @ParameterizedTest
  @ValueSource(strings = {"https://app.example", "https://a.app.example", "https://x-1.app.example",
      "http://localhost:8080", "http://[::1]:3000", "https://0.app.example"})
  void matchesExactOriginsAndOneLabelUnderAPattern(String origin) {
    assertThat(matcher.matches(origin)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "https://a.b.app.example",           // '*' is one label, never two
      "https://.app.example",              // an empty label
      "https://-a.app.example", "https://a-.app.example",
      "https://evilapp.example",           // not a subdomain
      "https://app.example.evil.net", "https://a.app.example.evil.net", "https://a.app.example:8443",
      "http://app.example", "http://a.app.example",   // scheme is part of the origin
      "https://APP.example", "https://A.app.example",  // browsers serialize lower case
      "https://app.example/", "https://app.example ", " https://app.example",
      "https://a,b.app.example", "https://evil.example, https://app.example",
      "http://localhost", "http://localhost:80800", "null", "", "*"})
  void refusesEverythingElse(String origin) {
    assertThat(matcher.matches(origin)).isFalse();
  }

  @Test
  void refusesNull() {
    assertThat(matcher.matches(null)).isFalse();
  }

  @Test
  void aLabelIsAtMost63Characters() {
    assertThat(matcher.matches("https://" + "a".repeat(63) + ".app.example")).isTrue();
    assertThat(matcher.matches("https://" + "a".repeat(64) + ".app.example")).isFalse();
  }

  @Test
  void starAloneMatchesEveryOrigin() {
    OriginMatcher any = OriginMatcher.of(List.of("*"));

    assertThat(any.allowsAny()).isTrue();
    assertThat(any.matches("https://whatever.example")).isTrue();
    assertThat(any.matches("null")).isTrue();
  }

  @Test
  void normalizesConfiguredOriginsToLowerCase() {
    OriginMatcher upper = OriginMatcher.of(List.of("HTTPS://App.Example"));

    assertThat(upper.entries()).containsExactly("https://app.example");
    assertThat(upper.matches("https://app.example")).isTrue();
  }

  @Test
  void refusesAnEmptyList() {
    assertThatThrownBy(() -> OriginMatcher.of(List.of())).isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("A CORS policy needs at least one allowed origin");
    assertThatThrownBy(() -> OriginMatcher.of(null)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void refusesStarMixedWithOtherOrigins() {
    assertThatThrownBy(() -> OriginMatcher.of(List.of("*", "https://app.example")))
        .hasMessageStartingWith("'*' allows every origin: list it alone");
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "https://*.example",                  // a pattern needs two labels after '*.'
      "https://*", "https://*.", "https://**.app.example", "https://*.*.app.example",
      "https://a*.app.example", "https://*a.app.example", "https://app.*.example", "https://app.example*",
      "*.app.example", "*://app.example", "https://app.example:*", "https://*app.example"})
  void refusesPatternsThatAreNotOneWholeLeadingLabel(String pattern) {
    assertThatThrownBy(() -> OriginMatcher.of(List.of(pattern)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("Invalid allowed origin '" + pattern + "'");
  }

  @ParameterizedTest
  @ValueSource(strings = {"app.example", "https://app.example/", "https://app.example/path", "https://u@app.example",
      "https://app.example?x", "https://", "https://:8080", "https://app.example:", "https://app.example:99999",
      "https://app.example:443", "http://app.example:80", "https://bücher.example", "https://app..example",
      "https://app.example.", "1https://app.example", "https ://app.example"})
  void refusesMalformedOrigins(String origin) {
    assertThatThrownBy(() -> OriginMatcher.of(List.of(origin)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("Invalid allowed origin '" + origin + "'");
  }

  @Test
  void refusesTheNullOriginAndNullEntries() {
    assertThatThrownBy(() -> OriginMatcher.of(List.of("null"))).hasMessageContaining("any page can send it");
    assertThatThrownBy(() -> OriginMatcher.of(java.util.Arrays.asList("https://a.example", null)))
        .hasMessageContaining("must not be null");
  }

  @Test
  void pointsAnInternationalizedHostToItsPunycodeForm() {
    assertThatThrownBy(() -> OriginMatcher.of(List.of("https://bücher.example"))).hasMessageContaining("xn--");
    assertThat(OriginMatcher.of(List.of("https://xn--bcher-kva.example")).matches("https://xn--bcher-kva.example"))
        .isTrue();
  }

  @Test
  void explainsADefaultPort() {
    assertThatThrownBy(() -> OriginMatcher.of(List.of("https://app.example:443")))
        .hasMessage("Invalid allowed origin 'https://app.example:443': browsers leave out the default port 443, "
            + "so it would never match");
  }
}
