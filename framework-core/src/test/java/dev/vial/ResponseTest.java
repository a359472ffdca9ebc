package dev.vial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ResponseTest {

  @Test
  void isImmutable() {
    Response original = Responses.ok("a");

    Response changed = original.withStatus(201).withHeader("X-A", "1").withBody("b", "text/x");

    assertThat(original.status()).isEqualTo(200);
    assertThat(original.header("X-A")).isNull();
    assertThat(original.bodyText()).isEqualTo("a");
    assertThat(changed.status()).isEqualTo(201);
    assertThat(changed.header("x-a")).isEqualTo("1");
    assertThat(changed.bodyText()).isEqualTo("b");
    assertThat(changed.contentType()).isEqualTo("text/x");
  }

  @Test
  void withHeaderReplacesAndWithAddedHeaderAppends() {
    Response response = Response.of(200).withAddedHeader("Vary", "A").withAddedHeader("vary", "B");

    assertThat(response.headers().all("Vary")).containsExactly("A", "B");
    assertThat(response.withHeader("VARY", "C").headers().all("vary")).containsExactly("C");
    assertThat(response.withoutHeader("Vary").headers().contains("Vary")).isFalse();
  }

  @Test
  void withVaryMergesTokensIntoOneFieldWithoutRepeats() {
    assertThat(Response.of(200).withVary("Cookie").headers().all("Vary")).containsExactly("Cookie");
    assertThat(Response.of(200).withHeader("Vary", "Origin").withVary("Accept-Encoding").headers().all("Vary"))
        .containsExactly("Origin, Accept-Encoding");
    Response listed = Response.of(200).withHeader("Vary", "Origin, cookie");
    assertThat(listed.withVary("Cookie")).isSameAs(listed);
    Response star = Response.of(200).withHeader("Vary", "*");
    assertThat(star.withVary("Cookie")).isSameAs(star);
    assertThat(Response.of(200).withAddedHeader("Vary", "Origin").withAddedHeader("vary", "Accept-Encoding, origin")
        .withVary("Cookie").headers().all("Vary")).containsExactly("Origin, Accept-Encoding, Cookie");
    assertThat(Response.of(200).withAddedHeader("Vary", "Origin").withAddedHeader("Vary", "*").withVary("Cookie")
        .headers().all("Vary")).containsExactly("*");
  }

  @Test
  void addsOneSetCookieFieldPerCookie() {
    Response response = Response.of(200)
        .withCookie(Cookie.of("a", "1"))
        .withCookie(Cookie.of("b", "2").path("/").httpOnly(true));

    assertThat(response.headers().all("Set-Cookie")).containsExactly("a=1", "b=2; Path=/; HttpOnly");
    assertThatThrownBy(() -> response.withCookie(null)).isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"a\r\nb", "a\nb", "a\rb", "a\u0000b"})
  void rejectsHeaderValuesThatCouldSplitTheResponse(String value) {
    assertThatThrownBy(() -> Response.of(200).withHeader("X-A", value))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("response splitting");
    assertThatThrownBy(() -> Response.of(200).withAddedHeader("X-A", value))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"X-A\r\nX-B", "X A", "X:A", "", "X\u00e9"})
  void rejectsHeaderNamesThatAreNotTokens(String name) {
    assertThatThrownBy(() -> Response.of(200).withHeader(name, "v")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void rejectsNullHeaderNamesValuesAndBodies() {
    assertThatThrownBy(() -> Response.of(200).withHeader(null, "v")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Response.of(200).withHeader("X", null)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Response.of(200).withBody((byte[]) null, "text/plain"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Response.of(200).withBody("x", "text/plain\r\nX: y"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 99, 1000, -1})
  void rejectsStatusesThatAreNotThreeDigits(int status) {
    assertThatThrownBy(() -> Response.of(status)).hasMessageContaining("three-digit");
    assertThatThrownBy(() -> Response.of(200).withStatus(status)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void withoutBodyKeepsHeaders() {
    Response response = Responses.ok("hello").withoutBody();

    assertThat(response.body()).isEmpty();
    assertThat(response.contentType()).isEqualTo("text/plain; charset=utf-8");
  }

  @Test
  void replacingTheBodyDropsAPendingJsonValue() {
    Response response = Responses.json(1).withBody("x", "text/plain");

    assertThat(response.hasJsonValue()).isFalse();
    assertThat(response.bodyText()).isEqualTo("x");
  }

  @Test
  void describesItself() {
    assertThat(Responses.ok("ab")).hasToString("Response[200, {Content-Type: text/plain; charset=utf-8}, 2 bytes]");
    assertThat(Responses.json(1).toString()).contains("json value");
  }

  @Test
  void withVaryAddsTheFieldWhenThereIsNone() {
    assertThat(Response.of(200).withVary("Origin").headers().all("Vary")).containsExactly("Origin");
  }

  @Test
  void withVaryMergesIntoTheExistingFieldWithoutRepeatingATokenInAnyCase() {
    Response response = Response.of(200).withHeader("Vary", "Origin");

    assertThat(response.withVary("Accept-Encoding").headers().all("Vary")).containsExactly("Origin, Accept-Encoding");
    assertThat(response.withVary("origin")).isSameAs(response);
  }

  @Test
  void withVaryFoldsSeveralFieldsIntoOne() {
    Response response = Response.of(200).withAddedHeader("Vary", "Origin").withAddedHeader("vary", "Cookie, ,Accept");

    assertThat(response.withVary("cookie").headers().all("Vary")).containsExactly("Origin, Cookie, Accept");
    assertThat(response.withVary("Accept-Encoding").headers().all("Vary"))
        .containsExactly("Origin, Cookie, Accept, Accept-Encoding");
  }

  @Test
  void withVaryKeepsAStar() {
    Response star = Response.of(200).withHeader("Vary", "*");

    assertThat(star.withVary("Origin")).isSameAs(star);
    assertThat(Response.of(200).withAddedHeader("Vary", "Cookie").withAddedHeader("Vary", "*")
        .withVary("Origin").headers().all("Vary")).containsExactly("*");
  }

  @Test
  void withVaryRefusesAnEmptyOrSplittingToken() {
    assertThatThrownBy(() -> Response.of(200).withVary(" ")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Response.of(200).withVary("Origin\r\nX: 1")).isInstanceOf(IllegalArgumentException.class);
  }
}
