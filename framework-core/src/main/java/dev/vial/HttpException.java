package dev.vial;

import dev.vial.http.StatusCodes;

/**
 * Stops request handling with an HTTP error status, like Flask's {@code abort}.
 *
 * <p>The message is shown to the client in the default JSON error body, so it must not contain
 * internals. Throw it from handlers and filters, or call {@link Responses#abort(int, String)}.
 * Error handlers registered with {@code error(status, ...)} receive it.
 */
public class HttpException extends RuntimeException {

  private final int status;
  private final Headers headers;

  /** An error with {@code status} and a message meant for the client. */
  public HttpException(int status, String message) {
    this(status, message, Headers.empty(), null);
  }

  /** An error with {@code status}, the standard reason phrase as its message. */
  public HttpException(int status) {
    this(status, StatusCodes.reasonPhrase(status));
  }

  /**
   * An error that also carries headers for the response (e.g. {@code Allow} on a 405; {@code null}: none)
   * and a cause for the log. A {@code null} message shows as the standard reason phrase.
   */
  public HttpException(int status, String message, Headers headers, Throwable cause) {
    super(message, cause, false, false);
    if (status < 400 || status > 599) {
      throw new IllegalArgumentException("HttpException status must be 4xx or 5xx, got " + status);
    }
    this.status = status;
    this.headers = headers == null ? Headers.empty() : headers;
  }

  /** The HTTP status to answer with. */
  public int status() {
    return status;
  }

  /** Headers the error response must carry, such as {@code Allow}. */
  public Headers headers() {
    return headers;
  }
}
