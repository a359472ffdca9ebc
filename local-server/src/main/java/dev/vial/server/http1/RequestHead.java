package dev.vial.server.http1;

import dev.vial.Headers;

/**
 * One parsed request head: the request line and the header fields, exactly as sent (field names keep
 * their case, values are read as ISO-8859-1). Immutable.
 *
 * @param method the method token, e.g. {@code GET}
 * @param target the request target as sent, with bytes outside ASCII percent-encoded
 * @param rawPath the path of the target, still percent-encoded; {@code *} for {@code OPTIONS *}
 * @param rawQuery the query after {@code ?}, still encoded, or {@code null} when there is none
 * @param http10 whether the version is {@code HTTP/1.0} (otherwise {@code HTTP/1.1})
 * @param headers the header fields in the order sent
 */
public record RequestHead(String method, String target, String rawPath, String rawQuery, boolean http10,
    Headers headers) {

  /** The version as written on the request line. */
  public String version() {
    return http10 ? "HTTP/1.0" : "HTTP/1.1";
  }

  /** Whether the client asks to keep the connection open after this exchange (HTTP/1.1's default, HTTP/1.0's opt-in). */
  public boolean wantsKeepAlive() {
    String connection = headers.first("Connection");
    if (connection == null) {
      return !http10;
    }
    return http10 ? Tokens.containsToken(connection, "keep-alive") : !Tokens.containsToken(connection, "close");
  }

  /** Whether the client sent {@code Expect: 100-continue} and waits for a go-ahead before its body. */
  public boolean expectsContinue() {
    String expect = headers.first("Expect");
    return !http10 && expect != null && expect.trim().equalsIgnoreCase("100-continue");
  }
}
