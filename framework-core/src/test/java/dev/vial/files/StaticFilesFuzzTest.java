package dev.vial.files;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.vial.App;
import dev.vial.Headers;
import dev.vial.Request;
import dev.vial.Response;
import dev.vial.compress.AcceptEncoding;
import dev.vial.conditional.EntityTags;
import java.util.List;

/**
 * Fuzz targets for the parsers of untrusted bytes behind static files, conditional requests and
 * compression. In a normal test run each replays its committed seeds
 * ({@code src/test/resources/dev/vial/files/StaticFilesFuzzTestInputs/<method>/}); {@code JAZZER_FUZZ=1}
 * fuzzes (see docs/fuzzing.md).
 */
class StaticFilesFuzzTest {

  private static final App SITE = new App().compression()
      .staticFiles("/s", StaticFiles.classpath("site", StaticFilesFuzzTest.class.getClassLoader()));

  @FuzzTest(maxDuration = "5m")
  void rangeParsingYieldsARangeInsideTheFileOrNothing(FuzzedDataProvider data) {
    long length = data.consumeLong(0, 1L << 40);
    String header = data.consumeRemainingAsString();

    ByteRange range = ByteRange.parse(List.of(header), length);

    if (range != null && range != ByteRange.UNSATISFIABLE) {
      assertThat(range.first()).isBetween(0L, range.last());
      assertThat(range.last()).isLessThan(length);
    }
  }

  @FuzzTest(maxDuration = "5m")
  void aMountAnswersAnyPathWithAFileOrA404AndNeverLeavesTheRoot(FuzzedDataProvider data) {
    String range = data.consumeBoolean() ? data.consumeString(40) : null;
    String rawPath = "/s/" + data.consumeRemainingAsString();
    if (rawPath.indexOf('?') >= 0 || rawPath.indexOf('#') >= 0) {
      return;
    }
    Headers headers = range == null ? Headers.of("Accept-Encoding", "gzip") : Headers.of("Range", range);
    Response response = SITE.handle(Request.builder("GET", rawPath).headers(headers).build());

    assertThat(response.status()).as(rawPath).isIn(200, 206, 400, 404, 416);
    assertThat(response.bodyText()).doesNotContain("SECRET").doesNotContain("[core]").doesNotContain("Exception");
    if (response.status() == 200) {
      assertThat(response.header("ETag")).isNotNull();
      assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
    }
  }

  @FuzzTest(maxDuration = "5m")
  void acceptEncodingWeightsStayWithinZeroAndOne(FuzzedDataProvider data) {
    String coding = data.consumeBoolean() ? "gzip" : "br";
    String field = data.consumeRemainingAsString();

    int weight = AcceptEncoding.weight(List.of(field), coding);

    assertThat(weight).isBetween(0, 1000);
    if (!field.toLowerCase(java.util.Locale.ROOT).contains(coding) && !field.contains("*")) {
      assertThat(weight).isZero();
    }
  }

  @FuzzTest(maxDuration = "5m")
  void entityTagMatchingNeverFailsAndStrongImpliesWeak(FuzzedDataProvider data) {
    String etag = data.consumeString(20);
    String field = data.consumeRemainingAsString();

    boolean strong = EntityTags.matches(field, etag, true);
    boolean weak = EntityTags.matches(field, etag, false);

    if (strong) {
      assertThat(weak).as("a strong match is also a weak match").isTrue();
    }
  }
}
