package dev.vial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CookieTest {

  @Test
  void rendersOnlyNameAndValueByDefault() {
    assertThat(Cookie.of("session", "abc=").toSetCookieHeader()).isEqualTo("session=abc=");
  }

  @Test
  void rendersEveryAttribute() {
    Cookie cookie = Cookie.of("id", "a3fWa")
        .expires(Instant.parse("2037-10-21T07:28:00Z"))
        .maxAge(Duration.ofHours(1))
        .domain("example.com")
        .path("/docs")
        .secure(true)
        .httpOnly(true)
        .sameSite(Cookie.SameSite.STRICT);

    assertThat(cookie.toSetCookieHeader()).isEqualTo("id=a3fWa; Expires=Wed, 21 Oct 2037 07:28:00 GMT; Max-Age=3600; "
        + "Domain=example.com; Path=/docs; Secure; HttpOnly; SameSite=Strict");
  }

  @Test
  void formatsExpiresWithATwoDigitDayInGmt() {
    Cookie cookie = Cookie.of("a", "b").expires(Instant.parse("2030-03-05T23:04:05Z"));

    assertThat(cookie.toSetCookieHeader()).isEqualTo("a=b; Expires=Tue, 05 Mar 2030 23:04:05 GMT");
  }

  @Test
  void rendersSameSiteValues() {
    assertThat(Cookie.of("a", "b").sameSite(Cookie.SameSite.LAX).toSetCookieHeader()).endsWith("; SameSite=Lax");
    assertThat(Cookie.of("a", "b").sameSite(Cookie.SameSite.NONE).toSetCookieHeader()).endsWith("; SameSite=None");
  }

  @Test
  void clampsANegativeMaxAgeToZeroWhichDeletesTheCookie() {
    assertThat(Cookie.of("a", "b").maxAge(Duration.ofSeconds(-5)).toSetCookieHeader()).isEqualTo("a=b; Max-Age=0");
  }

  @Test
  void acceptsAnEmptyValue() {
    assertThat(Cookie.of("a", "").toSetCookieHeader()).isEqualTo("a=");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "a b", "a;b", "a=b", "a\r\nb", "caf\u00e9"})
  void rejectsNamesThatAreNotTokens(String name) {
    assertThatThrownBy(() -> Cookie.of(name, "v")).hasMessageContaining("Cookie name must be a non-empty token");
  }

  @ParameterizedTest
  @ValueSource(strings = {"a b", "a;b", "a,b", "a\"b", "a\\b", "a\r\nSet-Cookie: x=y", "caf\u00e9"})
  void rejectsValuesOutsideRfc6265(String value) {
    assertThatThrownBy(() -> Cookie.of("a", value)).hasMessageContaining("not allowed by RFC 6265");
  }

  @ParameterizedTest
  @ValueSource(strings = {"/a;b", "/a\r\nb", "/caf\u00e9"})
  void rejectsPathsAndDomainsThatCouldBreakTheHeader(String attribute) {
    assertThatThrownBy(() -> Cookie.of("a", "b").path(attribute)).hasMessageContaining("Cookie path");
    assertThatThrownBy(() -> Cookie.of("a", "b").domain(attribute)).hasMessageContaining("Cookie domain");
  }

  @Test
  void rejectsNullNameOrValue() {
    assertThatThrownBy(() -> Cookie.of(null, "v")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Cookie.of("a", null)).isInstanceOf(IllegalArgumentException.class);
  }
}
