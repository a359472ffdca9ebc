package dev.vial.lambda;

import dev.vial.Response;
import dev.vial.http.MediaTypes;
import dev.vial.http.Utf8;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * How bodies cross the event boundary. Requests: base64 when the event says so, UTF-8 text otherwise.
 * Responses: plain text only when it is safe to pass through a JSON string unchanged (a textual
 * content type, valid UTF-8, no {@code Content-Encoding} such as gzip); everything else is base64.
 */
final class BodyPolicy {

  private static final byte[] EMPTY = new byte[0];

  /** A response body as it goes into the envelope. */
  record EncodedBody(String text, boolean base64) {}

  private BodyPolicy() {}

  /** The request body bytes of an event. */
  static byte[] requestBody(String body, boolean base64) {
    if (body == null || body.isEmpty()) {
      return EMPTY;
    }
    if (!base64) {
      return body.getBytes(StandardCharsets.UTF_8);
    }
    try {
      return Base64.getDecoder().decode(body);
    } catch (IllegalArgumentException e) {
      throw new UnsupportedEventException("The event says isBase64Encoded but its body is not valid base64 ("
          + e.getMessage() + ")", e);
    }
  }

  /** The response body as envelope text, base64-encoded unless it is safe as-is. */
  static EncodedBody responseBody(Response response) {
    byte[] body = response.body();
    if (body.length == 0) {
      return new EncodedBody("", false);
    }
    if (MediaTypes.isTextual(response.contentType()) && response.header("Content-Encoding") == null) {
      String text = Utf8.decodeOrNull(body);
      if (text != null) {
        return new EncodedBody(text, false);
      }
    }
    return new EncodedBody(Base64.getEncoder().encodeToString(body), true);
  }
}
