package dev.vial.multipart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.vial.HttpException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Hostile bodies of 8 MiB each: a parser that rescans (restarting from each CR, reading lines up to an
 * LF that never comes, backtracking) would take minutes to hours on them; the linear parser takes
 * milliseconds. The bound is generous so that a loaded build machine never fails it.
 */
class MultipartLinearTimeTest {

  private static final int SIZE = 8 * 1024 * 1024;
  private static final Duration BOUND = Duration.ofSeconds(20);
  private static final String BOUNDARY = "----------" + "0123456789".repeat(6); // 70 characters
  private static final String TYPE = "multipart/form-data; boundary=" + BOUNDARY;
  private static final String PART_HEAD = "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"f\"; filename=\"x\"\r\n\r\n";
  private static final String CLOSE = "\r\n--" + BOUNDARY + "--\r\n";

  private static byte[] body(String head, String unit, int size, String tail) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(size + 1024);
    out.writeBytes(head.getBytes(StandardCharsets.ISO_8859_1));
    byte[] repeated = unit.getBytes(StandardCharsets.ISO_8859_1);
    while (out.size() < size) {
      out.writeBytes(repeated);
    }
    out.writeBytes(tail.getBytes(StandardCharsets.ISO_8859_1));
    return out.toByteArray();
  }

  private static Multipart parseWithinBound(byte[] body) {
    return assertTimeoutPreemptively(BOUND, () -> Multipart.parse(TYPE, body, MultipartLimits.defaults()));
  }

  @Test
  void aCrFollowedByMegabytesWithoutLf() {
    byte[] body = body(PART_HEAD + "\r", "x", SIZE, CLOSE);

    assertThat(parseWithinBound(body).file("f").size()).isEqualTo(body.length - PART_HEAD.length() - CLOSE.length());
  }

  @Test
  void onlyCarriageReturns() {
    byte[] body = body(PART_HEAD, "\r", SIZE, CLOSE);

    assertThat(parseWithinBound(body).file("f").size()).isGreaterThanOrEqualTo(SIZE - PART_HEAD.length());
  }

  @Test
  void millionsOfCrlfsBeforeTheFirstBoundary() {
    byte[] body = body("", "\r\n", SIZE, PART_HEAD + "x" + CLOSE);

    assertThat(parseWithinBound(body).file("f").text()).isEqualTo("x");
  }

  @Test
  void contentFullOfNearMissesOfALongBoundary() {
    String nearMiss = "\r\n--" + BOUNDARY.substring(0, 69) + "X";
    byte[] body = body(PART_HEAD, nearMiss, SIZE, CLOSE);

    assertThat(parseWithinBound(body).file("f").size()).isGreaterThanOrEqualTo(SIZE - PART_HEAD.length());
  }

  @Test
  void contentFullOfWholeBoundariesNotEndingADelimiterLine() {
    byte[] body = body(PART_HEAD, "\r\n--" + BOUNDARY + "X", SIZE, CLOSE);
    byte[] padded = body(PART_HEAD, "\r\n--" + BOUNDARY + " ".repeat(500) + "X", SIZE, CLOSE);

    assertThat(parseWithinBound(body).parts()).hasSize(1);
    assertThat(parseWithinBound(padded).parts()).hasSize(1);
  }

  @Test
  void thousandPartsWithHeadersJustUnderTheLimit() {
    String part = "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=a\r\nX-Pad: " + "\r".repeat(8000)
        .replace('\r', 'p') + "\r\n\r\n\r\r\r\r\n";
    byte[] body = (part.repeat(1000) + "--" + BOUNDARY + "--").getBytes(StandardCharsets.ISO_8859_1);

    assertThat(parseWithinBound(body).parts()).hasSize(1000);
  }

  @Test
  void aBodyWithoutTheClosingDelimiterFailsFastToo() {
    byte[] body = body(PART_HEAD, "\r\n--" + BOUNDARY.substring(0, 40), SIZE, "");

    assertTimeoutPreemptively(BOUND, () -> assertThatThrownBy(() -> Multipart.parse(TYPE, body, MultipartLimits.defaults()))
        .isInstanceOf(HttpException.class)
        .hasMessageContaining("without the closing delimiter"));
  }
}
