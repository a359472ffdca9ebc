package dev.vial.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PercentDecodingTest {

  @ParameterizedTest
  @CsvSource({
      "plain, plain",
      "a%20b, a b",
      "a+b, a+b",
      "a%2Bb, a+b",
      "a%2Fb, a/b",
      "a%2fb, a/b",
      "%252B, %2B",
      "%E2%82%AC, \u20ac",
      "%F0%9F%98%80, \ud83d\ude00",
      "caf\u00e9, caf\u00e9",
      "caf\u00e9%20x, caf\u00e9 x",
      "\ud83d\ude00%21, \ud83d\ude00!"})
  void decodesPathSegmentsOnceKeepingPlus(String raw, String decoded) {
    assertThat(PercentDecoding.decodePathSegment(raw)).isEqualTo(decoded);
  }

  @Test
  void decodesSegmentsMixingManyNonAsciiCharactersWithEscapes() {
    // Each non-ASCII character takes two or three UTF-8 bytes: the buffer must grow for what follows too.
    assertThat(PercentDecoding.decodePathSegment("\u00e9\u00e9\u00e9\u00e9ab%41")).isEqualTo("\u00e9\u00e9\u00e9\u00e9abA");
    assertThat(PercentDecoding.decodePathSegment("\u2615\u2615\ud834\udd1e" + "x".repeat(20) + "%20"))
        .isEqualTo("\u2615\u2615\ud834\udd1e" + "x".repeat(20) + " ");
  }

  @Test
  void returnsTheSameStringWhenThereIsNothingToDecode() {
    String raw = "nothing-to-do";

    assertThat(PercentDecoding.decodePathSegment(raw)).isSameAs(raw);
  }

  @ParameterizedTest
  @ValueSource(strings = {"%", "%4", "a%", "%zz", "%4g", "%g4", "%%41", "%\u0661\u0662"})
  void rejectsMalformedPathEscapes(String raw) {
    assertThatThrownBy(() -> PercentDecoding.decodePathSegment(raw))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Malformed percent-escape in path segment '" + raw + "'");
  }

  @ParameterizedTest
  @ValueSource(strings = {"%FF", "%C3", "%C3%28", "%C0%AF", "%ED%A0%80", "%F4%90%80%80", "%80"})
  void rejectsEscapesThatAreNotUtf8(String raw) {
    assertThatThrownBy(() -> PercentDecoding.decodePathSegment(raw))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Percent-escapes in path segment '" + raw + "' are not valid UTF-8");
  }

  @ParameterizedTest
  @CsvSource({
      "plain, plain",
      "a+b, a b",
      "a%20b, a b",
      "%2B, +",
      "%252B, %2B",
      "caf%C3%A9, caf\u00e9",
      "caf\u00e9+x, caf\u00e9 x",
      "\ud83d\ude00+, '\ud83d\ude00 '"})
  void decodesFormComponentsOnceWithPlusAsSpace(String raw, String decoded) {
    assertThat(PercentDecoding.decodeFormComponent(raw)).isEqualTo(decoded);
  }

  @ParameterizedTest
  @CsvSource({
      "%, %",
      "100%, 100%",
      "%zz, %zz",
      "%4, %4",
      "a%4+b, a%4 b",
      "%FF, \ufffd",
      "%C3, \ufffd"})
  void keepsMalformedFormEscapesAsTextLikeBrowsers(String raw, String decoded) {
    assertThat(PercentDecoding.decodeFormComponent(raw)).isEqualTo(decoded);
  }

  @Test
  void decodesARangeOfAFormString() {
    String raw = "x=a+b&y";

    assertThat(PercentDecoding.decodeFormComponent(raw, 2, 5)).isEqualTo("a b");
    assertThat(PercentDecoding.decodeFormComponent("a%2", 0, 2)).isEqualTo("a%");
  }
}
