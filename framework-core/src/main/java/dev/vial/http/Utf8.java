package dev.vial.http;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Strict UTF-8 decoding: {@code new String(bytes, UTF_8)} silently turns invalid bytes into U+FFFD,
 * which would hide binary data inside text. Shared by path decoding, the Lambda body policy and apps.
 */
public final class Utf8 {

  private Utf8() {}

  /** The text of {@code bytes[0..length)}, or {@code null} when they are not valid UTF-8. */
  public static String decodeOrNull(byte[] bytes, int length) {
    boolean ascii = true;
    for (int i = 0; i < length; i++) {
      if (bytes[i] < 0) {
        ascii = false;
        break;
      }
    }
    if (ascii) { // the common case needs no decoder
      return new String(bytes, 0, length, StandardCharsets.US_ASCII);
    }
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes, 0, length))
          .toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }

  /** The text of {@code bytes}, or {@code null} when they are not valid UTF-8. */
  public static String decodeOrNull(byte[] bytes) {
    return decodeOrNull(bytes, bytes.length);
  }
}
