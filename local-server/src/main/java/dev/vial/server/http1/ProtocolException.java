package dev.vial.server.http1;

import java.io.IOException;

/**
 * A request the server refuses because of how it is written on the wire: a malformed head, ambiguous
 * framing, a head or body over a limit. Carries the status to answer with and a message fit for the
 * client; the connection is closed after the answer, since what follows on it cannot be trusted.
 */
public final class ProtocolException extends IOException {

  private static final long serialVersionUID = 1L;

  private final int status;

  /** A refusal answered with {@code status} and {@code message}. */
  public ProtocolException(int status, String message) {
    super(message);
    this.status = status;
  }

  /** A message for the client, not a bug: no stack trace is filled in (hostile input must stay cheap). */
  @Override
  public synchronized Throwable fillInStackTrace() {
    return this;
  }

  /** The status to answer with (400, 413, 431, 501 or 505). */
  public int status() {
    return status;
  }
}
