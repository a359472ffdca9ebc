package dev.vial.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SessionCodecTest {

  private static final byte[] KEY = "0123456789abcdef-current".getBytes(StandardCharsets.UTF_8);
  private static final byte[] OLD = "0123456789abcdef-old-key".getBytes(StandardCharsets.UTF_8);
  private static final long NOW = 1_800_000_000L;
  private static final long DAY = 86_400;

  private final SessionCodec codec = new SessionCodec(List.of(KEY, OLD), DAY);

  private static Map<String, Object> values() {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("user", "ann");
    values.put("count", 3);
    values.put("admin", false);
    values.put("tags", List.of("a", "b"));
    values.put("prefs", Map.of("theme", "dark"));
    return values;
  }

  @Test
  void roundTripsJsonValuesAsPayloadIssuedSignature() throws Exception {
    String cookie = codec.encode(values(), NOW);

    assertThat(cookie).matches("[A-Za-z0-9_-]+\\.1800000000\\.[A-Za-z0-9_-]{43}");
    SessionCodec.Decoded decoded = codec.decode(cookie, NOW + 10);
    assertThat(decoded.values()).isEqualTo(values());
    assertThat(decoded.signedWithFallbackKey()).isFalse();
  }

  @Test
  void acceptsAFallbackKeyAndSaysSo() throws Exception {
    String oldCookie = new SessionCodec(List.of(OLD), DAY).encode(values(), NOW);

    SessionCodec.Decoded decoded = codec.decode(oldCookie, NOW);

    assertThat(decoded.values()).isEqualTo(values());
    assertThat(decoded.signedWithFallbackKey()).isTrue();
  }

  @Test
  void refusesTamperedTruncatedGarbledExpiredAndFutureCookies() {
    String cookie = codec.encode(values(), NOW);
    String[] parts = cookie.split("\\.");
    String otherPayload = Base64.getUrlEncoder().withoutPadding().encodeToString("{\"user\":\"eve\"}".getBytes());
    String unknownKey = new SessionCodec(List.of("another-key-0123456789".getBytes()), DAY).encode(values(), NOW);

    assertRejected(otherPayload + "." + parts[1] + "." + parts[2], NOW, "signature does not match");
    assertRejected(parts[0] + "." + (NOW + 1) + "." + parts[2], NOW, "signature does not match");
    assertRejected(unknownKey, NOW, "signature does not match");
    assertRejected(cookie.substring(0, cookie.length() - 1), NOW, "signature has 42 characters");
    assertRejected(cookie.substring(0, cookie.length() - 1) + "!", NOW, "not base64url");
    assertRejected(parts[0] + "." + parts[2], NOW, "not of the form payload.issued.signature");
    assertRejected("", NOW, "not of the form");
    assertRejected("a.b.c.d", NOW, "not of the form");
    assertRejected(parts[0] + ".-5." + parts[2], NOW, "issue time is not a number");
    assertRejected(parts[0] + ".1234567890123." + parts[2], NOW, "issue time is not a number");
    assertRejected(cookie, NOW + DAY + 1, "expired 1 s ago");
    assertRejected(cookie, NOW - 301, "issued in the future");
  }

  @Test
  void aValidSignatureOverAPayloadThatIsNotAnObjectIsRefusedToo() throws Exception {
    String cookie = codec.encode(values(), NOW);
    assertThat(codec.decode(cookie, NOW + DAY).values()).containsKey("user");
    // Signed by the right key but not an object: only reachable if the key leaked; still no exception.
    String payload = Base64.getUrlEncoder().withoutPadding().encodeToString("[1,2]".getBytes());
    String forged = resign(payload, NOW);
    assertRejected(forged, NOW, "payload is not a JSON object");
    assertRejected(resign("%%%", NOW), NOW, "payload is not base64url JSON");
  }

  @Test
  void theFuzzSeedsAreValidlySignedSoMutationsReachThePayload() throws Exception {
    SessionCodec fuzzCodec = new SessionCodec(List.of(SessionFuzzTest.KEY), 31L * 86_400);
    String seed;
    try (var in = getClass().getResourceAsStream("SessionFuzzTestInputs/anyCookieValueIsASessionOrARejection/valid-counter")) {
      seed = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
    }

    assertThat(fuzzCodec.decode(seed, SessionFuzzTest.NOW).values()).containsEntry("count", 3);
  }

  private static String resign(String payload, long issued) {
    try {
      javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
      mac.init(new javax.crypto.spec.SecretKeySpec(KEY, "HmacSHA256"));
      byte[] signingKey = mac.doFinal("dev.vial.session.signing".getBytes(StandardCharsets.US_ASCII));
      mac.init(new javax.crypto.spec.SecretKeySpec(signingKey, "HmacSHA256"));
      String signed = payload + "." + issued;
      return signed + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(signed.getBytes()));
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private void assertRejected(String cookie, long now, String reason) {
    assertThatThrownBy(() -> codec.decode(cookie, now))
        .isInstanceOf(SessionCodec.Rejected.class)
        .hasMessageContaining(reason);
  }

  @Test
  void withoutKeysSignsWithARandomKeyOfItsOwn() throws Exception {
    SessionCodec first = new SessionCodec(List.of(), DAY);
    SessionCodec second = new SessionCodec(List.of(), DAY);
    String cookie = first.encode(values(), NOW);

    assertThat(first.decode(cookie, NOW).values()).isEqualTo(values());
    assertThatThrownBy(() -> second.decode(cookie, NOW)).isInstanceOf(SessionCodec.Rejected.class);
  }
}
