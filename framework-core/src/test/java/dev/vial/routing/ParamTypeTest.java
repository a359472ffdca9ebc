package dev.vial.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ParamTypeTest {

  @ParameterizedTest
  @ValueSource(strings = {"0", "7", "-7", "007", "2147483647", "-2147483648"})
  void intAcceptsThirtyTwoBitDecimals(String value) {
    assertThat(ParamType.INT.accepts(value)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "-", "+1", "1.0", "1e3", "2147483648", "-2147483649", "99999999999", "\u0661", "0x1", " 1"})
  void intRejectsEverythingElse(String value) {
    assertThat(ParamType.INT.accepts(value)).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "-1", "9223372036854775807", "-9223372036854775808"})
  void longAcceptsSixtyFourBitDecimals(String value) {
    assertThat(ParamType.LONG.accepts(value)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "-", "9223372036854775808", "-9223372036854775809", "12345678901234567890", "1_000"})
  void longRejectsEverythingElse(String value) {
    assertThat(ParamType.LONG.accepts(value)).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"123e4567-e89b-42d3-a456-426614174000", "00000000-0000-0000-0000-000000000000",
      "ABCDEFAB-CDEF-ABCD-EFAB-CDEFABCDEFAB"})
  void uuidAcceptsTheHyphenatedForm(String value) {
    assertThat(ParamType.UUID.accepts(value)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "123e4567e89b42d3a456426614174000", "123e4567-e89b-42d3-a456-42661417400",
      "123e4567-e89b-42d3-a456-4266141740000", "123e4567-e89b-42d3-a456_426614174000",
      "g23e4567-e89b-42d3-a456-426614174000", "\uff1123e4567-e89b-42d3-a456-42661417400"})
  void uuidRejectsEverythingElse(String value) {
    assertThat(ParamType.UUID.accepts(value)).isFalse();
  }

  @Test
  void stringAndPathAcceptAnyNonEmptyValue() {
    assertThat(ParamType.STRING.accepts("a b/c")).isTrue();
    assertThat(ParamType.STRING.accepts("")).isFalse();
    assertThat(ParamType.PATH.accepts("a/b")).isTrue();
    assertThat(ParamType.PATH.accepts("")).isFalse();
  }

  @Test
  void findsTypesByTheirTemplateLabel() {
    for (ParamType type : ParamType.values()) {
      assertThat(ParamType.forLabel(type.label())).isSameAs(type);
    }
    assertThatThrownBy(() -> ParamType.forLabel("INT")).hasMessageContaining("Unknown path parameter type 'INT'");
  }
}
