package dev.vial.multipart;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.vial.HttpException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Fuzz target for the multipart parser. An input is a Content-Type line, a LF, then the body bytes,
 * so the committed seeds ({@code src/test/resources/dev/vial/multipart/MultipartFuzzTestInputs/<method>/})
 * stay readable. {@code JAZZER_FUZZ=1} fuzzes (see docs/fuzzing.md).
 */
class MultipartFuzzTest {

  @FuzzTest(maxDuration = "5m")
  void parsingYieldsPartsWithinTheBodyOrA400Or413(byte[] input) {
    int newline = 0;
    while (newline < input.length && input[newline] != '\n') {
      newline++;
    }
    String contentType = new String(input, 0, newline, StandardCharsets.ISO_8859_1);
    byte[] body = newline < input.length ? Arrays.copyOfRange(input, newline + 1, input.length) : new byte[0];
    Multipart form;
    try {
      form = Multipart.parse(contentType, body, MultipartLimits.defaults().withMaxParts(50).withMaxPartHeaderBytes(256));
    } catch (HttpException rejected) {
      assertThat(rejected.status()).isIn(400, 413);
      assertThat(rejected.getMessage()).isNotBlank();
      return;
    }
    long total = 0;
    for (Part part : form.parts()) {
      assertThat(part.name()).isNotNull();
      assertThat(part.size()).isBetween(0, body.length);
      total += part.size();
      assertThat(part.text()).isNotNull();
      assertThat(part.bytes()).hasSize(part.size());
      String safe = part.safeFilename();
      if (safe != null) {
        assertThat(safe).doesNotContain("/", "\\", "\u0000").doesNotStartWith(".");
      }
    }
    assertThat(total).isLessThanOrEqualTo(body.length);
    assertThat(form.parts()).hasSizeLessThanOrEqualTo(50);
    assertThat(form.fields().size() + form.files().size()).isLessThanOrEqualTo(form.parts().size());
  }
}
