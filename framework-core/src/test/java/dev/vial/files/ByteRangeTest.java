package dev.vial.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Single byte ranges per RFC 9110 §14.1.2, with the lessons of other servers' bug trackers. */
class ByteRangeTest {

  private static ByteRange parse(String header, long length) {
    return ByteRange.parse(List.of(header), length);
  }

  @ParameterizedTest
  @CsvSource({
      "bytes=0-9, 100, 0, 9",
      "bytes=500-, 1000, 500, 999",
      "bytes=-500, 1000, 500, 999",
      "bytes=-1000, 526, 0, 525",            // a suffix longer than the file is the whole file (Starlette #3307)
      "bytes=10-1000, 31, 10, 30",            // the end is clamped, so Content-Length tells the truth (Twisted #3814)
      "bytes=5-5, 10, 5, 5",
      "BYTES=1-2, 10, 1, 2",
      "' bytes=1-2 ', 10, 1, 2",
      "'bytes=1-2,', 10, 1, 2",
      "bytes=0-99999999999999999999999, 10, 0, 9"})
  void selectsTheRightBytes(String header, long length, long first, long last) {
    assertThat(parse(header, length)).isEqualTo(new ByteRange(first, last));
  }

  @ParameterizedTest
  @ValueSource(strings = {"bytes=10-", "bytes=10-20", "bytes=-0", "bytes=99999999999999999999-"})
  void rangesWhollyPastTheEndAreUnsatisfiable(String header) {
    assertThat(parse(header, 10)).isSameAs(ByteRange.UNSATISFIABLE);
  }

  @ParameterizedTest
  @ValueSource(strings = {"bytes=5-4", "bytes=0-1,2-3", "bytes=0-1, -2", "items=0-1", "bytes=", "bytes", "bytes=-",
      "bytes=a-1", "bytes=1-a", "bytes 1-2", "bytes=1 -2", "bytes=1-2-3", "bytes=+1-2", "bytes=0x1-2", "",
      "bytes=１-２"})
  void invalidOrSeveralRangesAreIgnored(String header) {
    assertThat(parse(header, 10)).as(header).isNull();
  }

  @Test
  void anEmptyRepresentationOrSeveralFieldsIgnoreRanges() {
    assertThat(parse("bytes=-5", 0)).isNull();
    assertThat(ByteRange.parse(List.of("bytes=0-1", "bytes=2-3"), 10)).isNull();
    assertThat(ByteRange.parse(List.of(), 10)).isNull();
  }

  @Test
  void ifRangeNeedsAnExactStrongTagOrDate() {
    String date = "Tue, 03 Mar 2026 10:00:00 GMT";
    assertThat(ByteRange.ifRangeAllows(List.of(), "\"a\"", date)).isTrue();
    assertThat(ByteRange.ifRangeAllows(List.of("\"a\""), "\"a\"", date)).isTrue();
    assertThat(ByteRange.ifRangeAllows(List.of(date), "\"a\"", date)).isTrue();
    assertThat(ByteRange.ifRangeAllows(List.of("W/\"a\""), "\"a\"", date)).isFalse();
    assertThat(ByteRange.ifRangeAllows(List.of("\"b\""), "\"a\"", date)).isFalse();
    assertThat(ByteRange.ifRangeAllows(List.of("Tue, 03 Mar 2026 10:00:01 GMT"), "\"a\"", date)).isFalse();
    assertThat(ByteRange.ifRangeAllows(List.of("garbage"), "\"a\"", date)).isFalse();
  }

  @Test
  void hostileHeadersTakeLinearTime() {
    String digits = "bytes=" + "9".repeat(1_000_000) + "-";
    String separators = "bytes=" + ", ".repeat(500_000) + "0-1";
    String manyRanges = "bytes=" + "0-1,".repeat(250_000);

    long start = System.nanoTime();
    assertThat(parse(digits, 10)).isSameAs(ByteRange.UNSATISFIABLE);
    assertThat(parse(separators, 10)).isEqualTo(new ByteRange(0, 1));
    assertThat(parse(manyRanges, 10)).isNull();
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
  }
}
