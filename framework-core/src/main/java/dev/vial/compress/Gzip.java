package dev.vial.compress;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.zip.GZIPOutputStream;

/** Gzip of a byte array with the JDK's {@link java.util.zip.Deflater} at a chosen level. */
final class Gzip {

  private Gzip() {}

  /** {@code data} gzipped at {@code level}; the gzip header carries no time, so equal input gives equal output. */
  static byte[] compress(byte[] data, int level) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, data.length / 3));
    try (GZIPOutputStream gzip = new LeveledGzipStream(out, level)) {
      gzip.write(data);
    } catch (IOException impossible) {
      throw new UncheckedIOException(impossible); // a ByteArrayOutputStream does not fail
    }
    return out.toByteArray();
  }

  /** {@link GZIPOutputStream} exposes its Deflater only to subclasses. */
  private static final class LeveledGzipStream extends GZIPOutputStream {
    LeveledGzipStream(ByteArrayOutputStream out, int level) throws IOException {
      super(out, 8192);
      def.setLevel(level);
    }
  }
}
