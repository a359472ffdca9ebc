package dev.vial.cors;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TokenListTest {

  @Test
  void readsTrimmedLowerCasedTokensAcrossFields() {
    assertThat(TokenList.parse(List.of("Content-Type, X-Requested-With", "x-a"))).containsExactly(
        "content-type", "x-requested-with", "x-a");
  }

  @Test
  void skipsEmptyElements() {
    assertThat(TokenList.parse(List.of(" , a,,\tb , ", ""))).containsExactly("a", "b");
    assertThat(TokenList.parse(List.of())).isEmpty();
  }

  @Test
  void refusesAnElementThatIsNotAToken() {
    assertThat(TokenList.parse(List.of("a, b c"))).isNull();
    assertThat(TokenList.parse(List.of("a", "x:y"))).isNull();
    assertThat(TokenList.parse(List.of("é"))).isNull();
  }

  @Test
  void checksSingleTokens() {
    assertThat(TokenList.isToken("X-Request-Id")).isTrue();
    assertThat(TokenList.isToken("!#$%&'*+-.^_`|~09az")).isTrue();
    assertThat(TokenList.isToken("")).isFalse();
    assertThat(TokenList.isToken(null)).isFalse();
    assertThat(TokenList.isToken("a b")).isFalse();
    assertThat(TokenList.isToken("a\r\n")).isFalse();
  }
}
