package dev.vial.openapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RouteDocTest {

  @Test
  void isAnImmutableValue() {
    RouteDoc base = RouteDoc.of("Base");
    RouteDoc described = base.description("More").tags("a").response(200, "OK");

    assertThat(base.description()).isNull();
    assertThat(base.tags()).isEmpty();
    assertThat(base.responses()).isEmpty();
    assertThat(described.description()).isEqualTo("More");
    assertThat(described.responses()).containsOnlyKeys(200);
  }

  @Test
  void keepsTheDescriptionWhenResponsesAreAdded() {
    assertThat(RouteDoc.of("S").description("D").response(200, String.class, "Text").description()).isEqualTo("D");
  }

  @Test
  void refusesBlankTextsBadStatusesAndRepeatedQueryParameters() {
    assertThatThrownBy(() -> RouteDoc.of(" ")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("summary");
    assertThatThrownBy(() -> RouteDoc.of("S").response(600, "x")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("100 to 599");
    assertThatThrownBy(() -> RouteDoc.of("S").query("q", String.class, null).query("q", int.class, null))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("twice");
    assertThatThrownBy(() -> RouteDoc.of("S").query("q", null, null)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RouteDoc.of("S").handles(null)).isInstanceOf(IllegalArgumentException.class);
  }
}
