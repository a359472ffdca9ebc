package dev.vial.session;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs and verifies session cookie values: {@code payload.issued.signature}, where {@code payload} is
 * the session as JSON in unpadded base64url, {@code issued} the issue time in epoch seconds and
 * {@code signature} the unpadded base64url HMAC-SHA256 of {@code payload.issued}. Each secret is first
 * turned into a signing key with HMAC-SHA256 over a fixed label, so the same secret used elsewhere in
 * the app never yields the same MACs. Signatures are compared in constant time.
 */
final class SessionCodec {

  private static final String HMAC = "HmacSHA256";
  private static final byte[] LABEL = "dev.vial.session.signing".getBytes(StandardCharsets.US_ASCII);
  private static final int SIGNATURE_CHARS = 43; // 32 bytes, unpadded base64url
  private static final int MAX_ISSUED_DIGITS = 12;
  /** Cookies issued a little in the future are accepted: clocks of two machines differ. */
  private static final long CLOCK_SKEW_SECONDS = 300;

  /** What decoding a cookie gave: the values, and whether a fallback key signed them. */
  record Decoded(Map<String, Object> values, boolean signedWithFallbackKey) {}

  /** Why a cookie was ignored: the problem, for the DEBUG line. */
  static final class Rejected extends Exception {
    Rejected(String problem) {
      super(problem, null, false, false);
    }
  }

  private final List<byte[]> keys;
  private final long maxAgeSeconds;
  private volatile ObjectMapper mapper;
  private volatile SigningKeys signing;

  /** The signing keys derived from the secrets: the current one, then the fallbacks. */
  private record SigningKeys(SecretKeySpec current, List<SecretKeySpec> fallbacks) {}

  /**
   * {@code keys}: the current key first, then the fallback keys; none means a random key for this process.
   * Keys are derived on the first cookie, not here: the JDK's crypto providers take about 100 ms to load,
   * which an app's startup should not pay before anyone uses a session.
   */
  SessionCodec(List<byte[]> keys, long maxAgeSeconds) {
    this.keys = List.copyOf(keys);
    this.maxAgeSeconds = maxAgeSeconds;
  }

  private SigningKeys signing() {
    SigningKeys derived = signing;
    if (derived == null) {
      synchronized (this) {
        derived = signing;
        if (derived == null) {
          derived = derive(keys.isEmpty() ? List.of(randomKey()) : keys);
          signing = derived;
        }
      }
    }
    return derived;
  }

  private static SigningKeys derive(List<byte[]> secrets) {
    List<SecretKeySpec> derived = new ArrayList<>(secrets.size());
    for (byte[] secret : secrets) {
      derived.add(new SecretKeySpec(hmac(new SecretKeySpec(secret, HMAC), LABEL), HMAC));
    }
    return new SigningKeys(derived.get(0), List.copyOf(derived.subList(1, derived.size())));
  }

  private static byte[] randomKey() {
    byte[] random = new byte[32];
    new SecureRandom().nextBytes(random);
    return random;
  }

  /** The cookie value for {@code values}, issued at {@code nowSeconds}. */
  String encode(Map<String, Object> values, long nowSeconds) {
    byte[] json;
    try {
      json = mapper().writeValueAsBytes(values);
    } catch (IOException e) {
      throw new IllegalStateException("Session values could not be written as JSON", e);
    }
    String signed = Base64.getUrlEncoder().withoutPadding().encodeToString(json) + "." + nowSeconds;
    byte[] signature = hmac(signing().current(), signed.getBytes(StandardCharsets.US_ASCII));
    return signed + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(signature);
  }

  /**
   * The values of cookie {@code value}, checked at {@code nowSeconds}.
   *
   * @throws Rejected naming why it is not a valid, current session cookie
   */
  Decoded decode(String value, long nowSeconds) throws Rejected {
    int firstDot = value.indexOf('.');
    int lastDot = value.lastIndexOf('.');
    if (firstDot < 0 || firstDot == lastDot || value.indexOf('.', firstDot + 1) != lastDot) {
      throw new Rejected("not of the form payload.issued.signature");
    }
    String issuedText = value.substring(firstDot + 1, lastDot);
    String signatureText = value.substring(lastDot + 1);
    if (issuedText.isEmpty() || issuedText.length() > MAX_ISSUED_DIGITS || !isDigits(issuedText)) {
      throw new Rejected("issue time is not a number of seconds");
    }
    if (signatureText.length() != SIGNATURE_CHARS) {
      throw new Rejected("signature has " + signatureText.length() + " characters, not " + SIGNATURE_CHARS);
    }
    byte[] signature;
    try {
      signature = Base64.getUrlDecoder().decode(signatureText);
    } catch (IllegalArgumentException e) {
      throw new Rejected("signature is not base64url");
    }
    byte[] signed = value.substring(0, lastDot).getBytes(StandardCharsets.ISO_8859_1);
    boolean fallback = false;
    SigningKeys signingKeys = signing();
    if (!MessageDigest.isEqual(hmac(signingKeys.current(), signed), signature)) {
      fallback = true;
      boolean matched = false;
      for (SecretKeySpec key : signingKeys.fallbacks()) {
        matched |= MessageDigest.isEqual(hmac(key, signed), signature);
      }
      if (!matched) {
        throw new Rejected("signature does not match (tampered, or signed with an unknown key)");
      }
    }
    long issued = Long.parseLong(issuedText);
    if (issued > nowSeconds + CLOCK_SKEW_SECONDS) {
      throw new Rejected("issued in the future");
    }
    if (nowSeconds - issued > maxAgeSeconds) {
      throw new Rejected("expired " + (nowSeconds - issued - maxAgeSeconds) + " s ago");
    }
    return new Decoded(payload(value.substring(0, firstDot)), fallback);
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> payload(String payloadText) throws Rejected {
    try {
      Object parsed = mapper().readValue(Base64.getUrlDecoder().decode(payloadText), Object.class);
      if (!(parsed instanceof Map)) {
        throw new Rejected("payload is not a JSON object");
      }
      return new LinkedHashMap<>((Map<String, Object>) parsed);
    } catch (IllegalArgumentException | IOException e) {
      throw new Rejected("payload is not base64url JSON");
    }
  }

  private ObjectMapper mapper() {
    ObjectMapper current = mapper;
    if (current == null) {
      current = new ObjectMapper(); // only apps that use sessions load databind for it
      mapper = current;
    }
    return current;
  }

  private static boolean isDigits(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) < '0' || text.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }

  private static byte[] hmac(SecretKeySpec key, byte[] data) {
    try {
      Mac mac = Mac.getInstance(HMAC);
      mac.init(key);
      return mac.doFinal(data);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
    }
  }
}
