package dev.vial.session;

import dev.vial.Request;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The session of one request: a small map of JSON values (strings, numbers, booleans, lists, maps and
 * {@code null} inside them) kept in a signed cookie, as in Flask. Get it with {@code req.session()}.
 *
 * <pre>{@code
 * app.get("/visits", req -> {
 *   long visits = req.session().getLong("visits", 0) + 1;
 *   req.session().put("visits", visits);
 *   return json(Map.of("visits", visits));
 * });
 * }</pre>
 *
 * <p>The cookie is written after the handler only when the session changed ({@link #put}, {@link
 * #remove}, {@link #clear}); changing a list or map taken out of it in place is not noticed, so put it
 * back. A cleared session sends an expired cookie. Reading the session adds {@code Vary: Cookie} to
 * the response. A tampered, expired or garbled cookie reads as an empty session. Not thread-safe: one
 * request, one thread at a time.
 */
public final class Session {

  /** The request attribute holding the request's session. */
  static final String ATTRIBUTE = "dev.vial.session.Session";
  private static final int MAX_DEPTH = 32;

  private final SessionFilter store;
  private final Request request;
  private Map<String, Object> values;
  private boolean read;
  private boolean modified;
  private boolean signedWithFallbackKey;

  Session(SessionFilter store, Request request) {
    this.store = store;
    this.request = request;
  }

  /**
   * The session of {@code request} (what {@code req.session()} returns); marks the response as
   * depending on the cookie ({@code Vary: Cookie}).
   *
   * @throws IllegalStateException when the app has no sessions ({@code app.sessions()} was not called)
   */
  public static Session of(Request request) {
    Session session = request.attribute(ATTRIBUTE);
    if (session == null) {
      throw new IllegalStateException("Sessions are off: turn them on with app.sessions() (and a secret key)");
    }
    session.read = true;
    return session;
  }

  /** The value of {@code name}: a String, Boolean, Number, List, Map or {@code null}. */
  public Object get(String name) {
    return values().get(name);
  }

  /** The value of {@code name} when it is a string, else {@code null}. */
  public String getString(String name) {
    return values().get(name) instanceof String text ? text : null;
  }

  /** The value of {@code name} as a long when it is a number, else {@code fallback}. */
  public long getLong(String name, long fallback) {
    return values().get(name) instanceof Number number ? number.longValue() : fallback;
  }

  /** Whether the session has {@code name}. */
  public boolean contains(String name) {
    return values().containsKey(name);
  }

  /**
   * Sets {@code name} to {@code value}; {@code null} removes it.
   *
   * @throws IllegalArgumentException when {@code value} is not a JSON value (String, Boolean, finite
   *     Number, Collection or Map with String keys of such values, at most 32 levels deep)
   */
  public Session put(String name, Object value) {
    if (name == null) {
      throw new IllegalArgumentException("Session key must not be null");
    }
    if (value == null) {
      remove(name);
      return this;
    }
    checkJsonValue(name, value, 0);
    values().put(name, value);
    modified = true;
    return this;
  }

  /** Removes {@code name}; returns its value, or {@code null}. */
  public Object remove(String name) {
    if (!values().containsKey(name)) {
      return null;
    }
    modified = true;
    return values().remove(name);
  }

  /** Removes every value: the response expires the cookie. */
  public void clear() {
    if (!values().isEmpty() || request.cookie(store.cookieName()) != null) {
      modified = true;
    }
    values().clear();
  }

  /** Whether the session has no values. */
  public boolean isEmpty() {
    return values().isEmpty();
  }

  /** The values, read-only, in insertion order. */
  public Map<String, Object> asMap() {
    return Collections.unmodifiableMap(values());
  }

  boolean wasRead() {
    return read;
  }

  boolean needsWriting() {
    return values != null && (modified || signedWithFallbackKey);
  }

  Map<String, Object> loadedValues() {
    return values;
  }

  private Map<String, Object> values() {
    if (values == null) {
      SessionCodec.Decoded decoded = store.load(request);
      values = decoded == null ? new LinkedHashMap<>() : decoded.values();
      signedWithFallbackKey = decoded != null && decoded.signedWithFallbackKey();
    }
    return values;
  }

  private static void checkJsonValue(String path, Object value, int depth) {
    if (depth > MAX_DEPTH) {
      throw new IllegalArgumentException("Session value '" + path + "' is nested deeper than " + MAX_DEPTH + " levels");
    }
    if (value == null || value instanceof String || value instanceof Boolean || value instanceof Integer
        || value instanceof Long || value instanceof Short || value instanceof Byte || value instanceof BigInteger
        || value instanceof BigDecimal) {
      return;
    }
    if (value instanceof Double || value instanceof Float) {
      if (!Double.isFinite(((Number) value).doubleValue())) {
        throw new IllegalArgumentException("Session value '" + path + "' is not a finite number (JSON has no NaN or infinity)");
      }
      return;
    }
    if (value instanceof Collection<?> list) {
      for (Object item : list) {
        checkJsonValue(path + "[]", item, depth + 1);
      }
      return;
    }
    if (value instanceof Map<?, ?> map) {
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        if (!(entry.getKey() instanceof String key)) {
          throw new IllegalArgumentException("Session value '" + path + "' is a map with a key that is not a String");
        }
        checkJsonValue(path + "." + key, entry.getValue(), depth + 1);
      }
      return;
    }
    throw new IllegalArgumentException("Session value '" + path + "' is a " + value.getClass().getSimpleName()
        + "; a session holds JSON values only (String, Boolean, Number, List, Map)");
  }

  @Override
  public String toString() {
    return "Session" + (values == null ? "[not loaded]" : values.keySet());
  }
}
