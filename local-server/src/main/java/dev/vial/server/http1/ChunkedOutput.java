package dev.vial.server.http1;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;

/**
 * A streaming response body in chunked transfer coding: what is written between two flushes leaves as
 * one chunk when {@link #flush()} is called (or when 16 KiB have gathered), so a server-sent event
 * reaches the client as soon as the app flushes it. {@link #finish()} sends the last chunk.
 */
public final class ChunkedOutput extends OutputStream {

  private static final int MAX_PENDING = 16 * 1024;

  private final WireOutput wire;
  private final Runnable progress;
  private byte[] pending = new byte[1024];
  private int size;
  private long sent;

  /** Chunks onto {@code wire}; {@code progress} runs after every chunk leaves (a write deadline moves on). */
  public ChunkedOutput(WireOutput wire, Runnable progress) {
    this.wire = wire;
    this.progress = progress;
  }

  @Override
  public void write(int b) throws IOException {
    write(new byte[] {(byte) b}, 0, 1);
  }

  @Override
  public void write(byte[] bytes, int offset, int length) throws IOException {
    if (size + length > pending.length) {
      if (size + length > MAX_PENDING) {
        sendChunk();
        if (length > MAX_PENDING) {
          writeChunk(bytes, offset, length);
          return;
        }
      }
      pending = Arrays.copyOf(pending, Math.max(size + length, Math.min(2 * pending.length, MAX_PENDING)));
    }
    System.arraycopy(bytes, offset, pending, size, length);
    size += length;
  }

  @Override
  public void flush() throws IOException {
    sendChunk();
  }

  /** Sends what is pending and the last chunk; the response is then complete. */
  public void finish() throws IOException {
    if (size > 0) {
      writeChunkBytes(pending, 0, size);
      size = 0;
    }
    wire.ascii("0\r\n\r\n");
    wire.flush();
  }

  /** Body bytes sent so far, without the chunk framing. */
  public long sent() {
    return sent;
  }

  private void sendChunk() throws IOException {
    if (size > 0) {
      int length = size;
      size = 0;
      writeChunk(pending, 0, length);
    }
  }

  private void writeChunk(byte[] bytes, int offset, int length) throws IOException {
    writeChunkBytes(bytes, offset, length);
    wire.flush();
    progress.run();
  }

  private void writeChunkBytes(byte[] bytes, int offset, int length) throws IOException {
    wire.ascii(Integer.toHexString(length));
    wire.ascii("\r\n");
    wire.body(bytes, offset, length);
    wire.ascii("\r\n");
    sent += length;
  }
}
