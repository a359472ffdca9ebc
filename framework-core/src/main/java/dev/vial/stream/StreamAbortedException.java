package dev.vial.stream;

import java.io.IOException;

/**
 * A streaming body failed after its first byte had left, so no error answer can replace it: the front door
 * must end the response so that the client sees an error (locally: close the connection without the final
 * chunk; on Lambda: report the error in the stream's trailers). The cause is the body's exception.
 */
public final class StreamAbortedException extends IOException {

  private static final long serialVersionUID = 1L;

  /** The body failed with {@code cause} after {@code bytesSent} bytes. */
  public StreamAbortedException(long bytesSent, Throwable cause) {
    super("The streamed body failed after " + bytesSent + " bytes: " + cause, cause);
  }
}
