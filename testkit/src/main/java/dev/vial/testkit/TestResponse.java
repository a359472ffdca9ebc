package dev.vial.testkit;

import dev.vial.Headers;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * What a {@link TestClient} got back, decoded to the same form for every transport: status, headers
 * (case-insensitive; one {@code Set-Cookie} field per cookie) and body bytes.
 *
 * @param status the status code
 * @param headers the header fields
 * @param body the body bytes (base64 envelopes already decoded)
 */
public record TestResponse(int status, Headers headers, byte[] body) {

  /** The first value of header {@code name}, or {@code null}. */
  public String header(String name) {
    return headers.first(name);
  }

  /** Every {@code Set-Cookie} value, in order. */
  public List<String> setCookies() {
    return headers.all("Set-Cookie");
  }

  /** The {@code Content-Type}, or {@code null}. */
  public String contentType() {
    return headers.first("Content-Type");
  }

  /** The body decoded as UTF-8. */
  public String bodyText() {
    return new String(body, StandardCharsets.UTF_8);
  }

  @Override
  public String toString() {
    return "TestResponse[" + status + ", " + headers + ", " + body.length + " bytes]";
  }
}
