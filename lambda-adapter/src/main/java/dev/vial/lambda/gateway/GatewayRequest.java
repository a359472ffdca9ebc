package dev.vial.lambda.gateway;

import dev.vial.Headers;

/**
 * An HTTP request as it reaches the service, before the service turns it into an event.
 *
 * @param method the method
 * @param rawPath the path as the client sent it (percent-encoded), without the stage: for an API
 *     Gateway stage {@code dev}, {@code /dev/users/42} arrives here as {@code /users/42}
 * @param rawQuery the query after {@code ?} as sent, or {@code null} when there is none
 * @param headers the header fields
 * @param body the body bytes (empty when there is none)
 */
public record GatewayRequest(String method, String rawPath, String rawQuery, Headers headers, byte[] body) {

  /** Checks the parts. */
  public GatewayRequest {
    if (method == null || method.isEmpty()) {
      throw new IllegalArgumentException("method must not be empty");
    }
    if (rawPath == null || !rawPath.startsWith("/")) {
      throw new IllegalArgumentException("rawPath must start with '/': " + rawPath);
    }
    if (headers == null || body == null) {
      throw new IllegalArgumentException("headers and body must not be null");
    }
  }
}
