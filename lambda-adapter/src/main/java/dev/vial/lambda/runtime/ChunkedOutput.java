package dev.vial.lambda.runtime;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * A request body in chunked transfer coding (RFC 9112 section 7.1): writes collect in a buffer that goes out
 * as one chunk when full or flushed; {@link #finish} writes the last chunk, with trailer fields if given.
 * {@link #close()} only flushes: the runtime loop decides how the body ends.
 */
final class ChunkedOutput extends OutputStream {

  private static final byte[] CRLF = {'\r', '\n'};

  private final OutputStream socket;
  private final byte[] buffer;
  private int count;
  private long written;
  private boolean finished;

  ChunkedOutput(OutputStream socket, int bufferSize) {
    this.socket = socket;
    this.buffer = new byte[bufferSize];
  }

  @Override
  public void write(int b) throws IOException {
    checkOpen();
    if (count == buffer.length) {
      writeChunk();
    }
    buffer[count++] = (byte) b;
  }

  @Override
  public void write(byte[] bytes, int offset, int length) throws IOException {
    java.util.Objects.checkFromIndexSize(offset, length, bytes.length);
    checkOpen();
    while (length > 0) {
      if (count == buffer.length) {
        writeChunk();
      }
      int n = Math.min(length, buffer.length - count);
      System.arraycopy(bytes, offset, buffer, count, n);
      count += n;
      offset += n;
      length -= n;
    }
  }

  /** Sends what was written as one chunk, at once. */
  @Override
  public void flush() throws IOException {
    checkOpen();
    if (count > 0) {
      writeChunk();
    }
    socket.flush();
  }

  @Override
  public void close() throws IOException {
    if (!finished) {
      flush();
    }
  }

  /** Body bytes written so far. */
  long written() {
    return written + count;
  }

  /** Sends the rest, the last chunk and these trailer fields (names and values already checked), then flushes. */
  void finish(String... trailerNamesAndValues) throws IOException {
    flush();
    finished = true;
    StringBuilder end = new StringBuilder("0\r\n");
    for (int i = 0; i + 1 < trailerNamesAndValues.length; i += 2) {
      end.append(trailerNamesAndValues[i]).append(": ").append(trailerNamesAndValues[i + 1]).append("\r\n");
    }
    end.append("\r\n");
    socket.write(end.toString().getBytes(StandardCharsets.ISO_8859_1));
    socket.flush();
  }

  private void writeChunk() throws IOException {
    socket.write(Integer.toHexString(count).getBytes(StandardCharsets.ISO_8859_1));
    socket.write(CRLF);
    socket.write(buffer, 0, count);
    socket.write(CRLF);
    written += count;
    count = 0;
  }

  private void checkOpen() throws IOException {
    if (finished) {
      throw new IOException("The streamed response is already finished");
    }
  }
}
