package dev.vial.stream;

import dev.vial.Response;
import java.io.IOException;
import java.io.OutputStream;

/**
 * The stream a body writes to: holds the first bytes back until the body flushes (or writes more than a
 * buffer's worth), so that a body failing early can still be answered with an error; then passes every write
 * and flush straight to the front door. Remembers a failure of the front door's stream (the client left).
 */
final class DeferredOutput extends OutputStream {

  private static final int HOLD_BACK = 8192;

  private final Response response;
  private final StreamWriter.Exchange exchange;
  private byte[] held = new byte[256];
  private int heldCount;
  private OutputStream sink;
  private long sent;
  private IOException sinkFailure;

  DeferredOutput(Response response, StreamWriter.Exchange exchange) {
    this.response = response;
    this.exchange = exchange;
  }

  @Override
  public void write(int b) throws IOException {
    write(new byte[] {(byte) b}, 0, 1);
  }

  @Override
  public void write(byte[] bytes, int offset, int length) throws IOException {
    java.util.Objects.checkFromIndexSize(offset, length, bytes.length);
    if (sink == null) {
      if (heldCount + length <= HOLD_BACK) {
        if (heldCount + length > held.length) {
          held = java.util.Arrays.copyOf(held, Math.min(HOLD_BACK, Math.max(held.length * 2, heldCount + length)));
        }
        System.arraycopy(bytes, offset, held, heldCount, length);
        heldCount += length;
        return;
      }
      commit();
    }
    try {
      sink.write(bytes, offset, length);
    } catch (IOException e) {
      throw failed(e);
    }
    sent += length;
  }

  @Override
  public void flush() throws IOException {
    if (sink == null) {
      commit();
    }
    try {
      sink.flush();
    } catch (IOException e) {
      throw failed(e);
    }
  }

  /** Closing is the front door's job; a body that closes its stream only flushes it. */
  @Override
  public void close() throws IOException {
    flush();
  }

  boolean committed() {
    return sink != null;
  }

  long sent() {
    return sent;
  }

  IOException sinkFailure() {
    return sinkFailure;
  }

  private void commit() throws IOException {
    if (sinkFailure != null) {
      throw sinkFailure;
    }
    try {
      sink = exchange.begin(response);
      if (heldCount > 0) {
        sink.write(held, 0, heldCount);
        sent += heldCount;
      }
    } catch (IOException e) {
      throw failed(e);
    }
    held = null;
  }

  private IOException failed(IOException e) {
    if (sinkFailure == null) {
      sinkFailure = e;
    }
    return e;
  }
}
