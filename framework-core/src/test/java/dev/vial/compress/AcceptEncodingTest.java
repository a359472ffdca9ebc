package dev.vial.compress;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code Accept-Encoding} weights, including hostile fields. */
class AcceptEncodingTest {

  private static int gzip(String... fields) {
    return AcceptEncoding.weight(List.of(fields), "gzip");
  }

  @Test
  void readsWeightsInThousandths() {
    assertThat(gzip("gzip")).isEqualTo(1000);
    assertThat(gzip("gzip;q=0.5")).isEqualTo(500);
    assertThat(gzip("gzip;q=0.123")).isEqualTo(123);
    assertThat(gzip("gzip;Q=1.000")).isEqualTo(1000);
    assertThat(gzip("br, gzip;q=0")).isEqualTo(0);
    assertThat(gzip("*;q=0.3")).isEqualTo(300);
    assertThat(gzip("*;q=0.3, gzip;q=0.7")).isEqualTo(700);
    assertThat(gzip("gzip;q=0, *")).isEqualTo(0);
    assertThat(gzip("deflate", "gzip;q=0.2")).isEqualTo(200);
    assertThat(gzip("gzip;level=9;q=0.4")).isEqualTo(400);
    assertThat(gzip("  gzip  ;  q=0.9  ")).isEqualTo(900);
    assertThat(gzip(",,,gzip,,,")).isEqualTo(1000);
  }

  @Test
  void malformedElementsAreIgnored() {
    assertThat(gzip("gzip;q=1.5")).isEqualTo(0);
    assertThat(gzip("gzip;q=")).isEqualTo(0);
    assertThat(gzip("gzip;q=0.1234")).isEqualTo(0);
    assertThat(gzip("gzip;q")).isEqualTo(0);
    assertThat(gzip("gzip garbage")).isEqualTo(0);
    assertThat(gzip("gzip;q=0.5x, *;q=0.2")).isEqualTo(200);
    assertThat(gzip("gzipx")).isEqualTo(0);
    assertThat(gzip("")).isEqualTo(0);
    assertThat(AcceptEncoding.weight(List.of(), "gzip")).isEqualTo(0);
  }

  @Test
  void hostileFieldsTakeLinearTime() {
    String commas = ",".repeat(1_000_000);
    String parameters = "gzip" + ";a=b".repeat(250_000);
    String elements = "x;q=0.1, ".repeat(100_000) + "gzip";
    String spaces = "gzip" + " ".repeat(1_000_000) + ";q=0.5";

    long start = System.nanoTime();
    assertThat(gzip(commas)).isEqualTo(0);
    assertThat(gzip(parameters)).isEqualTo(1000);
    assertThat(gzip(elements)).isEqualTo(1000);
    assertThat(gzip(spaces)).isEqualTo(500);
    // a quadratic scan of these megabyte fields would take minutes; linear takes milliseconds
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
  }
}
