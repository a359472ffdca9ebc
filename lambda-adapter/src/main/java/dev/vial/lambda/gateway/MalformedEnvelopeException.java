package dev.vial.lambda.gateway;

/**
 * A function answered with something the service cannot turn into an HTTP response (not JSON, no
 * integer {@code statusCode}, the wrong header shape for an ALB). The services answer such an envelope
 * with 502; the message says what was wrong.
 */
public final class MalformedEnvelopeException extends IllegalStateException {

  private static final long serialVersionUID = 1L;

  /** An envelope problem described by {@code message}. */
  public MalformedEnvelopeException(String message) {
    super(message);
  }

  /** An envelope problem described by {@code message}, caused by {@code cause}. */
  public MalformedEnvelopeException(String message, Throwable cause) {
    super(message, cause);
  }
}
