package dev.vial.routing;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Builds the path of a named route from parameter values: the reverse of routing, behind
 * {@code app.urlFor(..)} and {@code req.urlFor(..)}.
 *
 * <p>Each template parameter's value is turned into text ({@code toString()}), checked against its
 * converter ({@code {id:int}} refuses {@code "abc"}) and percent-encoded as UTF-8 so that the path routes
 * back to the same value: inside a segment everything but RFC 3986's {@code pchar} characters (letters,
 * digits, {@code -._~!$&'()*+,;=:@}) is encoded, so {@code /}, {@code ?}, {@code #}, {@code %}, space and
 * non-ASCII text are; a {@code {rest:path}} value keeps its slashes. Parameters the template does not name
 * become the query string in the order given, with only unreserved characters left as they are
 * ({@code %20} for a space, {@code %2B} for {@code +}); a collection value repeats its name. {@code null}
 * values are dropped. Immutable and thread-safe.
 */
public final class UrlBuilder {

  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private final Map<String, PathTemplate> templates;

  /**
   * A builder for these routes.
   *
   * @param templatesByName route name → full template ({@code user} → {@code /users/{id:int}})
   * @throws IllegalArgumentException when a template is malformed
   */
  public UrlBuilder(Map<String, String> templatesByName) {
    Map<String, PathTemplate> parsed = new LinkedHashMap<>();
    for (Map.Entry<String, String> entry : templatesByName.entrySet()) {
      parsed.put(entry.getKey(), PathTemplate.parse(entry.getValue()));
    }
    this.templates = Map.copyOf(parsed);
  }

  /**
   * The path of route {@code name} under {@code mountPath}, with parameters given as alternating names and
   * values: {@code build("/prod", "user", "id", 42)} → {@code /prod/users/42}.
   *
   * @param mountPath what the front door stripped ({@code /prod}), or {@code ""}
   * @throws IllegalArgumentException for an unknown name, an odd number of arguments, a name that is not a
   *     non-empty {@code String}, a missing template parameter, or a value its converter refuses
   */
  public String build(String mountPath, String name, Object... namesAndValues) {
    if (namesAndValues == null || namesAndValues.length % 2 != 0) {
      throw new IllegalArgumentException("URL parameters for route '" + name
          + "' must be name/value pairs, got an odd number of arguments");
    }
    String[] names = new String[namesAndValues.length / 2];
    Object[] values = new Object[names.length];
    for (int i = 0; i < names.length; i++) {
      Object key = namesAndValues[2 * i];
      if (!(key instanceof String text) || text.isEmpty()) {
        throw new IllegalArgumentException("URL parameter names for route '" + name
            + "' must be non-empty strings, got " + key + " at position " + (2 * i));
      }
      names[i] = text;
      values[i] = namesAndValues[2 * i + 1];
    }
    return build(mountPath, name, names, values);
  }

  /**
   * The path of route {@code name} under {@code mountPath}, with parameters from {@code params} in its
   * iteration order (use a {@link LinkedHashMap} to fix the query string's order).
   *
   * @throws IllegalArgumentException as {@link #build(String, String, Object...)}
   */
  public String build(String mountPath, String name, Map<String, ?> params) {
    if (params == null) {
      return build(mountPath, name, new String[0], new Object[0]);
    }
    String[] names = new String[params.size()];
    Object[] values = new Object[names.length];
    int i = 0;
    for (Map.Entry<String, ?> entry : params.entrySet()) {
      if (entry.getKey() == null || entry.getKey().isEmpty()) {
        throw new IllegalArgumentException("URL parameter names for route '" + name + "' must be non-empty");
      }
      names[i] = entry.getKey();
      values[i++] = entry.getValue();
    }
    return build(mountPath, name, names, values);
  }

  private String build(String mountPath, String name, String[] names, Object[] values) {
    PathTemplate template = name == null ? null : templates.get(name);
    if (template == null) {
      throw new IllegalArgumentException("No route is named '" + name + "' (named routes: "
          + new TreeSet<>(templates.keySet()) + ")");
    }
    boolean[] used = new boolean[names.length];
    StringBuilder url = new StringBuilder(64);
    if (mountPath != null) {
      url.append(mountPath.endsWith("/") ? mountPath.substring(0, mountPath.length() - 1) : mountPath);
    }
    for (PathTemplate.Segment segment : template.segments()) {
      url.append('/');
      if (!segment.isParam()) {
        appendEncoded(url, segment.literal(), false);
        continue;
      }
      int index = indexOf(names, segment.paramName(), name, template);
      if (index < 0 || values[index] == null) {
        throw new IllegalArgumentException("Route '" + name + "' (" + template + ") needs a value for '"
            + segment.paramName() + "'");
      }
      used[index] = true;
      appendParam(url, segment, textOf(values[index], segment.paramName(), name), name, template);
    }
    if (template.segments().isEmpty()) {
      url.append('/');
    }
    appendQuery(url, names, values, used);
    return url.toString();
  }

  private static int indexOf(String[] names, String wanted, String route, PathTemplate template) {
    int found = -1;
    for (int i = 0; i < names.length; i++) {
      if (names[i].equals(wanted)) {
        if (found >= 0) {
          throw new IllegalArgumentException("Parameter '" + wanted + "' of route '" + route + "' (" + template
              + ") is given twice");
        }
        found = i;
      }
    }
    return found;
  }

  private static String textOf(Object value, String param, String route) {
    if (value instanceof Collection<?> || value.getClass().isArray()) {
      throw new IllegalArgumentException("Path parameter '" + param + "' of route '" + route
          + "' takes one value, got " + value.getClass().getSimpleName());
    }
    return value.toString();
  }

  private static void appendParam(StringBuilder url, PathTemplate.Segment segment, String text, String route,
      PathTemplate template) {
    ParamType type = segment.paramType();
    if (type == ParamType.PATH) {
      int start = 0;
      while (true) {
        int slash = text.indexOf('/', start);
        String piece = slash < 0 ? text.substring(start) : text.substring(start, slash);
        checkRoutable(piece, segment, text, route, template);
        appendEncoded(url, piece, false);
        if (slash < 0) {
          return;
        }
        url.append('/');
        start = slash + 1;
      }
    }
    if (!type.accepts(text)) {
      throw new IllegalArgumentException("Value '" + text + "' for {" + segment.paramName() + ":" + type.label()
          + "} of route '" + route + "' (" + template + ") is not " + article(type) + type.label());
    }
    checkRoutable(text, segment, text, route, template);
    appendEncoded(url, text, false);
  }

  /**
   * Refuses segments that cannot come back as they went out: an empty one (a request path has none, and a
   * trailing slash is dropped) and the dot segments {@code .} and {@code ..}, which clients and proxies
   * resolve away even when percent-encoded.
   */
  private static void checkRoutable(String piece, PathTemplate.Segment segment, String text, String route,
      PathTemplate template) {
    if (piece.isEmpty() || piece.equals(".") || piece.equals("..")) {
      throw new IllegalArgumentException("Value '" + text + "' for {" + segment.paramName() + "} of route '" + route
          + "' (" + template + ") would not route back: " + (piece.isEmpty()
              ? "it makes an empty path segment" : "clients resolve the dot segment '" + piece + "'"));
    }
  }

  private static String article(ParamType type) {
    return type == ParamType.INT ? "an " : "a ";
  }

  private static void appendQuery(StringBuilder url, String[] names, Object[] values, boolean[] used) {
    boolean first = true;
    for (int i = 0; i < names.length; i++) {
      if (used[i] || values[i] == null) {
        continue;
      }
      for (Object value : valuesOf(values[i])) {
        if (value == null) {
          continue;
        }
        url.append(first ? '?' : '&');
        first = false;
        appendEncoded(url, names[i], true);
        url.append('=');
        appendEncoded(url, value.toString(), true);
      }
    }
  }

  private static List<Object> valuesOf(Object value) {
    if (value instanceof Collection<?> collection) {
      return new ArrayList<>(collection);
    }
    if (value instanceof Object[] array) {
      return java.util.Arrays.asList(array);
    }
    return java.util.Collections.singletonList(value);
  }

  /** Percent-encodes {@code text} as UTF-8, leaving {@code pchar} (path) or unreserved (query) characters. */
  private static void appendEncoded(StringBuilder out, String text, boolean query) {
    int i = 0;
    while (i < text.length() && isKept(text.charAt(i), query)) {
      i++;
    }
    out.append(text, 0, i);
    if (i == text.length()) {
      return;
    }
    checkWellFormed(text, i);
    for (byte b : text.substring(i).getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xff);
      if (c < 0x80 && isKept(c, query)) {
        out.append(c);
      } else {
        out.append('%').append(HEX[(b >> 4) & 0xf]).append(HEX[b & 0xf]);
      }
    }
  }

  /** A lone surrogate has no UTF-8 form: encoding would silently turn it into {@code ?}. */
  private static void checkWellFormed(String text, int from) {
    for (int i = from; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        throw new IllegalArgumentException("URL value has an unpaired surrogate at index " + i
            + ", which has no UTF-8 form");
      }
    }
  }

  private static boolean isKept(char c, boolean query) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.'
        || c == '_' || c == '~') {
      return true;
    }
    return !query && "!$&'()*+,;=:@".indexOf(c) >= 0;
  }
}
