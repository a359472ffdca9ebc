package dev.vial.session;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Fuzz target for the session cookie decoder: any cookie value is a session or a rejection with a
 * reason, never an exception. The seeds ({@code src/test/resources/dev/vial/session/SessionFuzzTestInputs/<method>/})
 * include cookies validly signed with the target's key, so mutations reach the payload checks too.
 * {@code JAZZER_FUZZ=1} fuzzes (see docs/fuzzing.md).
 */
class SessionFuzzTest {

  /** The key the seeds were signed with; the clock is fixed so that they stay valid. */
  static final byte[] KEY = "fuzz-session-key-0123456789".getBytes(StandardCharsets.UTF_8);
  static final long NOW = 1_800_000_000L;

  private final SessionCodec codec = new SessionCodec(List.of(KEY), 31L * 86_400);

  @FuzzTest(maxDuration = "5m")
  void anyCookieValueIsASessionOrARejection(byte[] input) throws SessionCodec.Rejected {
    String value = new String(input, StandardCharsets.ISO_8859_1);
    SessionCodec.Decoded decoded;
    try {
      decoded = codec.decode(value, NOW);
    } catch (SessionCodec.Rejected rejected) {
      assertThat(rejected.getMessage()).isNotBlank();
      return;
    }
    assertThat(decoded.values()).isNotNull();
    assertThat(codec.decode(codec.encode(decoded.values(), NOW), NOW).values()).isEqualTo(decoded.values());
  }
}
