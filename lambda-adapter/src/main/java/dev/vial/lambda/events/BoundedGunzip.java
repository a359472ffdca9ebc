package dev.vial.lambda.events;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.zip.GZIPInputStream;

/**
 * Inflates gzip with a cap on the output: a small payload can inflate a thousandfold (a gzip bomb), so
 * the bytes are counted while they are produced and the read stops at the cap.
 */
final class BoundedGunzip {

  private BoundedGunzip() {}

  /** The inflated bytes; a {@link ServiceEventException} when they are not gzip or exceed {@code maxBytes}. */
  static byte[] inflate(byte[] gzip, int maxBytes, String what) {
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzip), 8192)) {
      ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(maxBytes, Math.max(1024, gzip.length * 8)));
      byte[] buffer = new byte[8192];
      int total = 0;
      for (int n; (n = in.read(buffer)) > 0; ) {
        total += n;
        if (total > maxBytes) {
          throw new ServiceEventException(what + " inflates to more than " + maxBytes + " bytes; refused");
        }
        out.write(buffer, 0, n);
      }
      return out.toByteArray();
    } catch (IOException e) {
      throw new ServiceEventException(what + " is not valid gzip: " + e.getMessage(), e);
    }
  }
}
