package dev.vial.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CookieParserTest {

  @Test
  void parsesNameValuePairs() {
    assertThat(CookieParser.parse(List.of("a=1; b=2;c=3")))
        .containsExactly(Map.entry("a", "1"), Map.entry("b", "2"), Map.entry("c", "3"));
  }

  @Test
  void readsEveryHeaderAndKeepsTheFirstValueOfARepeatedName() {
    assertThat(CookieParser.parse(List.of("a=first; b=2", "a=second")))
        .containsExactly(Map.entry("a", "first"), Map.entry("b", "2"));
  }

  @Test
  void stripsSurroundingQuotesAndWhitespaceButDoesNotDecode() {
    Map<String, String> cookies = CookieParser.parse(List.of("  q = \"quoted\" ; enc=a%20b; plus=a+b; eq=a=b; lone=\""));

    assertThat(cookies).containsEntry("q", "quoted")
        .containsEntry("enc", "a%20b")
        .containsEntry("plus", "a+b")
        .containsEntry("eq", "a=b")
        .containsEntry("lone", "\"");
  }

  @Test
  void ignoresPairsWithoutNameOrEquals() {
    assertThat(CookieParser.parse(List.of("novalue; =x;  =y; a=1; ;;"))).containsExactly(Map.entry("a", "1"));
  }

  @Test
  void acceptsEmptyValues() {
    assertThat(CookieParser.parse(List.of("a=; b=\"\""))).containsExactly(Map.entry("a", ""), Map.entry("b", ""));
  }

  @Test
  void answersEmptyForNoHeaders() {
    assertThat(CookieParser.parse(List.of())).isEmpty();
    assertThat(CookieParser.parse(List.of(""))).isEmpty();
  }
}
