package dev.vial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class HeadersTest {

  @Test
  void looksUpNamesIgnoringCase() {
    Headers headers = Headers.of("Content-Type", "text/plain");

    assertThat(headers.first("content-type")).isEqualTo("text/plain");
    assertThat(headers.contains("CONTENT-TYPE")).isTrue();
    assertThat(headers.first("Accept")).isNull();
  }

  @Test
  void keepsEveryValueInOrder() {
    Headers headers = Headers.of("Set-Cookie", "a=1", "X", "x", "set-cookie", "b=2");

    assertThat(headers.all("SET-COOKIE")).containsExactly("a=1", "b=2");
    assertThat(headers.all("missing")).isEmpty();
    assertThat(headers.size()).isEqualTo(3);
    assertThat(headers.names()).containsExactly("Set-Cookie", "X");
  }

  @Test
  void iteratesFieldsInOrder() {
    List<String> fields = new ArrayList<>();
    Headers.of("A", "1", "B", "2", "a", "3").forEach((name, value) -> fields.add(name + "=" + value));

    assertThat(fields).containsExactly("A=1", "B=2", "a=3");
  }

  @Test
  void convertsToACaseInsensitiveMap() {
    var map = Headers.of("A", "1", "b", "2", "a", "3").toMap();

    assertThat(map.get("a")).containsExactly("1", "3");
    assertThat(map.get("B")).containsExactly("2");
    assertThatThrownBy(() -> map.put("c", List.of())).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void copiesOnChange() {
    Headers original = Headers.of("A", "1");

    Headers plus = original.plus("a", "2");
    Headers with = plus.with("A", "3");
    Headers without = with.without("a");

    assertThat(original.all("A")).containsExactly("1");
    assertThat(plus.all("A")).containsExactly("1", "2");
    assertThat(with.all("A")).containsExactly("3");
    assertThat(without.isEmpty()).isTrue();
    assertThat(original.without("missing")).isSameAs(original);
  }

  @Test
  void builderCollectsFieldsBeyondItsInitialCapacity() {
    Headers.Builder builder = Headers.builder();
    for (int i = 0; i < 40; i++) {
      builder.add("X-" + i, Integer.toString(i));
    }
    builder.addAll("Y", List.of("a", "b"));

    Headers headers = builder.build();

    assertThat(headers.size()).isEqualTo(42);
    assertThat(headers.first("x-39")).isEqualTo("39");
    assertThat(headers.all("y")).containsExactly("a", "b");
    assertThat(Headers.builder().build()).isSameAs(Headers.empty());
  }

  @Test
  void rejectsNullsAndOddArguments() {
    assertThatThrownBy(() -> Headers.of("A")).hasMessageContaining("odd number");
    assertThatThrownBy(() -> Headers.builder().add("A", null)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Headers.builder().add(null, "v")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void equalityIgnoresNameCaseButNotOrderOrValues() {
    assertThat(Headers.of("A", "1")).isEqualTo(Headers.of("a", "1")).hasSameHashCodeAs(Headers.of("a", "1"));
    assertThat(Headers.of("A", "1")).isNotEqualTo(Headers.of("A", "2"));
    assertThat(Headers.of("A", "1", "B", "2")).isNotEqualTo(Headers.of("B", "2", "A", "1"));
    assertThat(Headers.of("A", "1", "B", "2")).hasToString("{A: 1, B: 2}");
  }

  @Test
  void exposesFieldsByIndexInInsertionOrderAndMarksRepeatedNames() {
    Headers headers = Headers.of("Set-Cookie", "a=1", "Content-Type", "text/plain", "set-cookie", "b=2");

    assertThat(headers.name(2)).isEqualTo("set-cookie");
    assertThat(headers.value(2)).isEqualTo("b=2");
    assertThat(headers.repeatsEarlierName(0)).isFalse();
    assertThat(headers.repeatsEarlierName(1)).isFalse();
    assertThat(headers.repeatsEarlierName(2)).isTrue();
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> headers.name(3))
        .isInstanceOf(IndexOutOfBoundsException.class)
        .hasMessageContaining("3");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> headers.value(-1))
        .isInstanceOf(IndexOutOfBoundsException.class);
  }
}
