package dev.vial.conditional;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Entity-tag lists: weak and strong comparison, the gzip suffix, malformed and hostile fields. */
class EntityTagsTest {

  @Test
  void weakComparisonIgnoresWeaknessAndTheGzipSuffix() {
    assertThat(EntityTags.matches("\"a\"", "\"a\"", false)).isTrue();
    assertThat(EntityTags.matches("W/\"a\"", "\"a\"", false)).isTrue();
    assertThat(EntityTags.matches("\"a\"", "W/\"a\"", false)).isTrue();
    assertThat(EntityTags.matches("\"a-gzip\"", "\"a\"", false)).isTrue();
    assertThat(EntityTags.matches("\"a\"", "\"a-gzip\"", false)).isTrue();
    assertThat(EntityTags.matches("\"b\", \"a\"", "\"a\"", false)).isTrue();
    assertThat(EntityTags.matches("\"ab\"", "\"a\"", false)).isFalse();
    assertThat(EntityTags.matches("\"a\"", null, false)).isFalse();
    assertThat(EntityTags.matches("*", null, false)).isFalse();
    assertThat(EntityTags.matches(" * ", "\"x\"", false)).isTrue();
  }

  @Test
  void strongComparisonNeedsTwoStrongTags() {
    assertThat(EntityTags.matches("\"a\"", "\"a\"", true)).isTrue();
    assertThat(EntityTags.matches("W/\"a\"", "\"a\"", true)).isFalse();
    assertThat(EntityTags.matches("\"a\"", "W/\"a\"", true)).isFalse();
  }

  @Test
  void malformedElementsMatchNothingButDoNotHideLaterOnes() {
    assertThat(EntityTags.matches("a, \"a\"", "\"a\"", false)).isTrue();
    assertThat(EntityTags.matches("\"a\" junk", "\"a\"", false)).isFalse();
    assertThat(EntityTags.matches("\"unclosed", "\"unclosed\"", false)).isFalse();
    assertThat(EntityTags.matches("W/a, W/", "\"a\"", false)).isFalse();
    assertThat(EntityTags.matches("*x", "\"a\"", false)).isFalse();
    assertThat(EntityTags.matches("", "\"a\"", false)).isFalse();
  }

  @Test
  void theGzipTagOfAStrongTagHasTheSuffixInsideTheQuotes() {
    assertThat(EntityTags.forGzip("\"a\"")).isEqualTo("\"a-gzip\"");
    assertThat(EntityTags.forGzip("\"a-gzip\"")).isEqualTo("\"a-gzip\"");
    assertThat(EntityTags.forGzip("W/\"a\"")).isEqualTo("W/\"a\"");
    assertThat(EntityTags.forGzip(null)).isNull();
  }

  @Test
  void hostileListsTakeLinearTime() {
    String manyTags = "\"x\", ".repeat(200_000) + "\"a\"";
    String unclosed = "\"".repeat(1) + "x".repeat(1_000_000);
    String manyQuotes = "W/".repeat(300_000);
    String commas = ",".repeat(1_000_000);

    long start = System.nanoTime();
    assertThat(EntityTags.anyMatches(List.of(manyTags), "\"a\"", false)).isTrue();
    assertThat(EntityTags.anyMatches(List.of(unclosed, manyQuotes, commas), "\"a\"", false)).isFalse();
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
  }
}
