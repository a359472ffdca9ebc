package dev.vial.files;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * One file as it is served: its bytes and validators.
 *
 * @param content the bytes (not copied; never changed)
 * @param etag a strong entity tag, quotes included
 * @param lastModified the modification time as an HTTP date
 */
record StaticFile(byte[] content, String etag, String lastModified) {

  /** A strong tag from the content itself: the first 144 bits of its SHA-256, base64url. */
  static String contentTag(byte[] content) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(content);
      return "\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(java.util.Arrays.copyOf(digest, 18)) + "\"";
    } catch (NoSuchAlgorithmException impossible) {
      throw new IllegalStateException("SHA-256 is part of every JDK", impossible);
    }
  }
}
