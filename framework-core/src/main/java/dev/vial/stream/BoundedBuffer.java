package dev.vial.stream;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;

/** Collects a streamed body for a buffered front door, refusing to grow past its limit. */
final class BoundedBuffer extends OutputStream {

  private final int maxBytes;
  private byte[] bytes;
  private int count;
  boolean overflowed;

  BoundedBuffer(int maxBytes) {
    this.maxBytes = maxBytes;
    this.bytes = new byte[Math.min(maxBytes, 8192)];
  }

  @Override
  public void write(int b) throws IOException {
    write(new byte[] {(byte) b}, 0, 1);
  }

  @Override
  public void write(byte[] source, int offset, int length) throws IOException {
    java.util.Objects.checkFromIndexSize(offset, length, source.length);
    if (count + (long) length > maxBytes) {
      overflowed = true;
      throw new IOException("Streamed body exceeds the limit of " + maxBytes + " bytes");
    }
    if (count + length > bytes.length) {
      bytes = Arrays.copyOf(bytes, (int) Math.min(maxBytes, Math.max(2L * bytes.length, count + length)));
    }
    System.arraycopy(source, offset, bytes, count, length);
    count += length;
  }

  byte[] toByteArray() {
    return Arrays.copyOf(bytes, count);
  }
}
