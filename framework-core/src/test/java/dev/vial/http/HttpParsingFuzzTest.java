package dev.vial.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.List;
import java.util.Map;

/**
 * Fuzz targets for the text parsers every request goes through. In a normal test run each replays
 * its committed seeds ({@code src/test/resources/dev/vial/http/HttpParsingFuzzTestInputs/<method>/});
 * {@code JAZZER_FUZZ=1} fuzzes (see docs/fuzzing.md).
 */
class HttpParsingFuzzTest {

  @FuzzTest(maxDuration = "5m")
  void pathSegmentDecodingYieldsTextOrAnIllegalArgument(FuzzedDataProvider data) {
    String raw = data.consumeRemainingAsString();
    String decoded;
    try {
      decoded = PercentDecoding.decodePathSegment(raw);
    } catch (IllegalArgumentException malformed) {
      assertThat(raw).contains("%");
      assertThat(malformed.getMessage()).satisfiesAnyOf(
          m -> assertThat(m).startsWith("Malformed percent-escape"),
          m -> assertThat(m).endsWith("are not valid UTF-8"));
      return;
    }
    if (raw.indexOf('%') < 0) {
      assertThat(decoded).isSameAs(raw);
    } else {
      assertThat(decoded.length()).isLessThanOrEqualTo(raw.length());
    }
  }

  @FuzzTest(maxDuration = "5m")
  void formComponentDecodingNeverFails(FuzzedDataProvider data) {
    String raw = data.consumeRemainingAsString();
    String whole = PercentDecoding.decodeFormComponent(raw);

    if (raw.indexOf('%') < 0) {
      assertThat(whole).as("every + is a space").doesNotContain("+");
    }
    int cut = raw.length() / 2;
    assertThat(PercentDecoding.decodeFormComponent(raw, 0, cut))
        .isEqualTo(PercentDecoding.decodeFormComponent(raw.substring(0, cut)));
    if (raw.indexOf('%') < 0 && raw.indexOf('+') < 0) {
      assertThat(whole).isEqualTo(raw);
    }
  }

  @FuzzTest(maxDuration = "5m")
  void formParsingYieldsAnUnmodifiableMultiMap(FuzzedDataProvider data) {
    String raw = data.consumeRemainingAsString();
    Map<String, List<String>> params = FormData.parse(raw);

    long pairs = raw.chars().filter(c -> c == '&').count() + 1;
    assertThat(params.values().stream().mapToInt(List::size).sum()).isLessThanOrEqualTo((int) pairs);
    assertThatThrownBy(() -> params.put("x", List.of())).isInstanceOf(UnsupportedOperationException.class);
    params.values().forEach(values -> assertThat(values).isNotEmpty().doesNotContainNull());
  }

  @FuzzTest(maxDuration = "5m")
  void cookieParsingYieldsTrimmedNamedValues(FuzzedDataProvider data) {
    List<String> headers = List.of(data.consumeString(512), data.consumeRemainingAsString());
    Map<String, String> cookies = CookieParser.parse(headers);

    cookies.forEach((name, value) -> {
      assertThat(name).isNotEmpty().isEqualTo(name.trim()).doesNotContain(";", "=");
      assertThat(value).isNotNull().doesNotContain(";");
    });
  }

  @FuzzTest(maxDuration = "5m")
  void mediaTypeEssenceIsLowerCaseWithoutParameters(FuzzedDataProvider data) {
    String type = data.consumeRemainingAsString();
    String essence = MediaTypes.essence(type);

    if (essence != null) {
      assertThat(essence).doesNotContain(";").isEqualTo(essence.trim());
    }
    MediaTypes.isTextual(type);
  }
}
