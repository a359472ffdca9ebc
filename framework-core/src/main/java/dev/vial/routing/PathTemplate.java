package dev.vial.routing;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A parsed route path: {@code /users/{id:int}/files/{rest:path}}.
 *
 * <p>Segments are literal text or parameters {@code {name}} / {@code {name:type}} with a type from
 * {@link ParamType}. A parameter fills a whole segment; {@code path} parameters must come last.
 * Literal segments are compared with the request's percent-decoded segments, so write them decoded
 * ({@code /café}, not {@code /caf%C3%A9}). Empty segments ({@code /a//b}) are rejected.
 */
public final class PathTemplate {

  /** One segment of a template. */
  public record Segment(String literal, String paramName, ParamType paramType) {
    /** Whether this segment is a parameter. */
    public boolean isParam() {
      return paramName != null;
    }

    /** The segment's routing key: the literal, or {@code {type}} for parameters (names do not matter). */
    String shape() {
      return isParam() ? "{" + paramType.label() + "}" : literal;
    }
  }

  private final String text;
  private final List<Segment> segments;

  private PathTemplate(String text, List<Segment> segments) {
    this.text = text;
    this.segments = segments;
  }

  /**
   * Parses a template. A trailing {@code /} is dropped: {@code /a/} is the same route as {@code /a}.
   *
   * @throws IllegalArgumentException with a message naming the problem
   */
  public static PathTemplate parse(String template) {
    if (template == null || !template.startsWith("/")) {
      throw new IllegalArgumentException("Route path must start with '/': '" + template + "'");
    }
    List<String> parts = PathSegments.split(template);
    if (!parts.isEmpty() && parts.get(parts.size() - 1).isEmpty()) {
      parts = parts.subList(0, parts.size() - 1);
    }
    List<Segment> segments = new ArrayList<>(parts.size());
    Set<String> names = new HashSet<>();
    for (int i = 0; i < parts.size(); i++) {
      String part = parts.get(i);
      if (part.startsWith("{") && part.endsWith("}")) {
        String inner = part.substring(1, part.length() - 1);
        int colon = inner.indexOf(':');
        String name = colon < 0 ? inner : inner.substring(0, colon);
        ParamType type = colon < 0 ? ParamType.STRING : paramType(inner.substring(colon + 1), template);
        if (!isIdentifier(name)) {
          throw new IllegalArgumentException("Bad parameter name '" + name + "' in route '" + template + "'");
        }
        if (!names.add(name)) {
          throw new IllegalArgumentException("Parameter '" + name + "' appears twice in route '" + template + "'");
        }
        if (type == ParamType.PATH && i != parts.size() - 1) {
          throw new IllegalArgumentException("A {" + name + ":path} parameter must be the last segment of '"
              + template + "'");
        }
        segments.add(new Segment(null, name, type));
      } else {
        if (part.isEmpty()) {
          throw new IllegalArgumentException("Empty segment ('//') in route '" + template + "'");
        }
        if (part.indexOf('{') >= 0 || part.indexOf('}') >= 0) {
          throw new IllegalArgumentException("A parameter must fill a whole segment: '" + part + "' in route '"
              + template + "'");
        }
        segments.add(new Segment(part, null, null));
      }
    }
    return new PathTemplate(canonical(segments), List.copyOf(segments));
  }

  /** The template text, normalized (no trailing slash). */
  public String text() {
    return text;
  }

  /** The segments in order. */
  public List<Segment> segments() {
    return segments;
  }

  /** The routing shape: equal for templates that differ only in parameter names. */
  public String shape() {
    StringBuilder shape = new StringBuilder();
    for (Segment segment : segments) {
      shape.append('/').append(segment.shape());
    }
    return shape.length() == 0 ? "/" : shape.toString();
  }

  /** A template that is {@code prefix} followed by this one ({@code /api} + {@code /users}). */
  public static String join(String prefix, String path) {
    if (prefix == null || prefix.isEmpty() || prefix.equals("/")) {
      return path;
    }
    String trimmed = prefix.endsWith("/") ? prefix.substring(0, prefix.length() - 1) : prefix;
    return path.equals("/") ? trimmed : trimmed + path;
  }

  private static String canonical(List<Segment> segments) {
    if (segments.isEmpty()) {
      return "/";
    }
    StringBuilder text = new StringBuilder();
    for (Segment segment : segments) {
      text.append('/');
      if (segment.isParam()) {
        text.append('{').append(segment.paramName());
        if (segment.paramType() != ParamType.STRING) {
          text.append(':').append(segment.paramType().label());
        }
        text.append('}');
      } else {
        text.append(segment.literal());
      }
    }
    return text.toString();
  }

  private static ParamType paramType(String label, String template) {
    try {
      return ParamType.forLabel(label);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(e.getMessage() + " in route '" + template + "'", e);
    }
  }

  private static boolean isIdentifier(String name) {
    if (name.isEmpty()) {
      return false;
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (!(Character.isLetterOrDigit(c) || c == '_' || c == '-')) {
        return false;
      }
    }
    return true;
  }

  @Override
  public String toString() {
    return text;
  }
}
