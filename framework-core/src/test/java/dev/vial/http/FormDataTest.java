package dev.vial.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FormDataTest {

  @Test
  void parsesPairsInOrderKeepingRepeatedNames() {
    Map<String, List<String>> params = FormData.parse("b=2&a=1&b=3");

    assertThat(params.keySet()).containsExactly("b", "a");
    assertThat(params.get("b")).containsExactly("2", "3");
    assertThat(params.get("a")).containsExactly("1");
  }

  @Test
  void decodesNamesAndValuesOnce() {
    Map<String, List<String>> params = FormData.parse("full+name=Ann+Lee&q=%2B1&raw=%252B&x%3Dy=%26");

    assertThat(params.get("full name")).containsExactly("Ann Lee");
    assertThat(params.get("q")).containsExactly("+1");
    assertThat(params.get("raw")).containsExactly("%2B");
    assertThat(params.get("x=y")).containsExactly("&");
  }

  @Test
  void treatsAPairWithoutEqualsAsAnEmptyValue() {
    Map<String, List<String>> params = FormData.parse("flag&empty=&a=b=c");

    assertThat(params.get("flag")).containsExactly("");
    assertThat(params.get("empty")).containsExactly("");
    assertThat(params.get("a")).containsExactly("b=c");
  }

  @Test
  void skipsEmptyPairs() {
    assertThat(FormData.parse("&a=1&&b=2&").keySet()).containsExactly("a", "b");
    assertThat(FormData.parse("&")).isEmpty();
  }

  @Test
  void keepsAnEmptyName() {
    assertThat(FormData.parse("=x").get("")).containsExactly("x");
  }

  @Test
  void answersEmptyForNoInput() {
    assertThat(FormData.parse(null)).isEmpty();
    assertThat(FormData.parse("")).isEmpty();
  }

  @Test
  void looksForEqualsOnlyInsideThePair() {
    Map<String, List<String>> params = FormData.parse("a&b=1");

    assertThat(params.get("a")).containsExactly("");
    assertThat(params.get("b")).containsExactly("1");
  }

  @Test
  void returnsAnUnmodifiableResult() {
    Map<String, List<String>> params = FormData.parse("a=1");

    assertThatThrownBy(() -> params.put("b", List.of())).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> params.get("a").add("2")).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void freezeCopiesAndKeepsOrder() {
    Map<String, List<String>> source = new LinkedHashMap<>();
    source.put("z", new ArrayList<>(List.of("1")));
    source.put("a", new ArrayList<>(List.of("2", "3")));

    Map<String, List<String>> frozen = FormData.freeze(source);
    source.get("a").add("4");

    assertThat(frozen.keySet()).containsExactly("z", "a");
    assertThat(frozen.get("a")).containsExactly("2", "3");
    assertThat(FormData.freeze(null)).isEmpty();
  }
}
