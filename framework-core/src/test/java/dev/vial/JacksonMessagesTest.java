package dev.vial;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JacksonMessagesTest {

  @Test
  void cutsQuotedQualifiedNamesToTheirSimpleNames() {
    assertThat(JacksonMessages.withSimpleTypeNames(
        "Cannot deserialize value of type `com.acme.api.Order$Item` from Array value (token `JsonToken.START_ARRAY`)"))
        .isEqualTo("Cannot deserialize value of type `Item` from Array value (token `START_ARRAY`)");
  }

  @Test
  void cutsEveryNameInsideAGenericType() {
    assertThat(JacksonMessages.withSimpleTypeNames("type `java.util.List<com.acme.Item>` and `int[]`"))
        .isEqualTo("type `List<Item>` and `int[]`");
  }

  @Test
  void leavesTextOutsideBackQuotesAndMessagesWithoutThemAlone() {
    assertThat(JacksonMessages.withSimpleTypeNames("problem: a.b.c must be set")).isEqualTo("problem: a.b.c must be set");
    assertThat(JacksonMessages.withSimpleTypeNames("at `x` a.b")).isEqualTo("at `x` a.b");
    assertThat(JacksonMessages.withSimpleTypeNames(null)).isNull();
  }

  @Test
  void aTrailingDotKeepsTheWholeName() {
    assertThat(JacksonMessages.withSimpleTypeNames("`a.`")).isEqualTo("`a.`");
  }
}
