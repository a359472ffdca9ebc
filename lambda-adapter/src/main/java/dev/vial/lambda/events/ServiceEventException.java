package dev.vial.lambda.events;

/**
 * A service event could not be answered: it matched no registration (the message names what arrived and
 * what is registered), it is malformed, or a handler failed with a checked exception. Thrown, not
 * answered, so the invocation fails and AWS retries the event or sends it to the dead-letter target.
 */
public final class ServiceEventException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** An exception with {@code message}. */
  public ServiceEventException(String message) {
    super(message);
  }

  /** An exception with {@code message} and its {@code cause}. */
  public ServiceEventException(String message, Throwable cause) {
    super(message, cause);
  }
}
