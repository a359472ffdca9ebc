package dev.vial.session;

import dev.vial.AfterFilter;
import dev.vial.BeforeFilter;
import dev.vial.Cookie;
import dev.vial.Request;
import dev.vial.Response;
import dev.vial.Responses;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The filters behind {@code app.sessions(..)}: the before filter gives each request a lazily loaded
 * {@link Session}; the after filter, the app's last, adds {@code Vary: Cookie} when the session was
 * read and writes the signed cookie when it changed (on error responses too), or an expired one when
 * it was cleared. Built once per app; the secret key is settled when it is built, that is at startup.
 */
public final class SessionFilter implements BeforeFilter, AfterFilter {

  /** The environment variable holding the secret key when the app sets none. */
  public static final String SECRET_KEY_VARIABLE = "VIAL_SECRET_KEY";
  /** Browsers keep cookies up to 4096 bytes (name, value and attributes); a larger one is dropped silently. */
  static final int MAX_COOKIE_BYTES = 4096;
  static final int MIN_KEY_CHARS = 16;

  private static final Logger log = LoggerFactory.getLogger(SessionFilter.class);
  private static final Instant EPOCH = Instant.EPOCH;

  private final SessionOptions options;
  private final SessionCodec codec;
  private final Clock clock;

  SessionFilter(SessionOptions options, List<byte[]> keys, Clock clock) {
    this.options = options;
    this.codec = new SessionCodec(keys, options.maxAge().getSeconds());
    this.clock = clock;
  }

  /**
   * Sessions with {@code options}, signed with {@code secretKeys} (the current key first, then fallback
   * keys that are still accepted and re-signed with the current one), or when that is {@code null} or
   * empty with the environment variable {@value #SECRET_KEY_VARIABLE}. With neither, a local run
   * signs with a random key for this process only and logs a WARN; inside a Lambda execution
   * environment ({@code AWS_LAMBDA_FUNCTION_NAME} or {@code AWS_LAMBDA_RUNTIME_API} set) that would
   * split sessions between execution environments and lose them on every cold start, so it is refused.
   *
   * @throws IllegalStateException when there is no key on Lambda, or a key is shorter than 16 characters
   */
  public static SessionFilter create(SessionOptions options, List<String> secretKeys) {
    return create(options, secretKeys, System.getenv(), Clock.systemUTC());
  }

  static SessionFilter create(SessionOptions options, List<String> secretKeys, Map<String, String> env, Clock clock) {
    if (options == null) {
      throw new IllegalArgumentException("Session options must not be null");
    }
    return new SessionFilter(options, keys(secretKeys, env), clock);
  }

  private static List<byte[]> keys(List<String> configured, Map<String, String> env) {
    List<String> texts = configured;
    String source = "app.secretKey(..)";
    if (texts == null || texts.isEmpty()) {
      String fromEnv = env.get(SECRET_KEY_VARIABLE);
      texts = fromEnv == null || fromEnv.isEmpty() ? List.of() : List.of(fromEnv);
      source = SECRET_KEY_VARIABLE;
    }
    if (texts.isEmpty()) {
      if (env.containsKey("AWS_LAMBDA_FUNCTION_NAME") || env.containsKey("AWS_LAMBDA_RUNTIME_API")) {
        throw new IllegalStateException("Sessions need a secret key on Lambda: set the environment variable "
            + SECRET_KEY_VARIABLE + " (at least 32 random characters) or call app.secretKey(..); a random key "
            + "per execution environment would lose every session on each cold start");
      }
      log.warn("Sessions have no secret key (app.secretKey(..) or {}): signing with a random key for this process "
          + "only, so sessions end when it stops and are not shared with other processes", SECRET_KEY_VARIABLE);
      return List.of(); // the codec makes the random key on the first cookie
    }
    List<byte[]> keys = new ArrayList<>(texts.size());
    for (String text : texts) {
      if (text == null || text.length() < MIN_KEY_CHARS) {
        throw new IllegalStateException("Session secret key from " + source + " is "
            + (text == null ? "null" : text.length() + " characters long") + "; use at least " + MIN_KEY_CHARS
            + " (better 32 or more) random characters");
      }
      keys.add(text.getBytes(StandardCharsets.UTF_8));
    }
    return keys;
  }

  /** Gives the request its session, loaded on first use. */
  @Override
  public Response before(Request req) {
    req.attribute(Session.ATTRIBUTE, new Session(this, req));
    return null;
  }

  /** Adds {@code Vary: Cookie} when the session was read, and writes the cookie when it changed. */
  @Override
  public Response after(Request req, Response res) {
    Session session = req.attribute(Session.ATTRIBUTE);
    if (session == null || !session.wasRead()) {
      return res;
    }
    Response varied = res.withVary("Cookie");
    if (!session.needsWriting()) {
      return varied;
    }
    if (session.isEmpty()) {
      return req.cookie(options.cookieName()) == null ? varied
          : varied.withCookie(cookie(req, "").expires(EPOCH).maxAge(Duration.ZERO));
    }
    Cookie cookie = cookie(req, codec.encode(session.loadedValues(), clock.instant().getEpochSecond()))
        .maxAge(options.maxAge());
    int size = cookie.toSetCookieHeader().length();
    if (size > MAX_COOKIE_BYTES) {
      log.error("Session cookie '{}' for {} {} would be {} bytes, over the {} bytes browsers keep; store less in the "
          + "session (keys: {})", options.cookieName(), req.method(), req.rawPath(), size, MAX_COOKIE_BYTES,
          session.loadedValues().keySet());
      return Responses.error(500, "Internal Server Error").withVary("Cookie");
    }
    return varied.withCookie(cookie);
  }

  String cookieName() {
    return options.cookieName();
  }

  /** The decoded cookie of {@code req}, or {@code null} when it has none or it is not valid (logged at DEBUG). */
  SessionCodec.Decoded load(Request req) {
    String value = req.cookie(options.cookieName());
    if (value == null) {
      return null;
    }
    try {
      return codec.decode(value, clock.instant().getEpochSecond());
    } catch (SessionCodec.Rejected rejected) {
      log.debug("Ignoring session cookie '{}' of {} {}: {}", options.cookieName(), req.method(), req.rawPath(),
          rejected.getMessage());
      return null;
    }
  }

  private Cookie cookie(Request req, String value) {
    String path = options.path() != null ? options.path() : req.mountPath().isEmpty() ? "/" : req.mountPath();
    return Cookie.of(options.cookieName(), value)
        .path(path)
        .domain(options.domain())
        .secure(options.secure())
        .httpOnly(options.httpOnly())
        .sameSite(options.sameSite());
  }
}
