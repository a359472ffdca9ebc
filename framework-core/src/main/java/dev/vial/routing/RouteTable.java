package dev.vial.routing;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The compiled route table: a tree of path segments, matched without regular expressions.
 *
 * <p><b>Precedence</b> is decided segment by segment, left to right, and does not depend on the order
 * routes were added: a literal segment beats a parameter, and parameters are tried in {@link ParamType}
 * order ({@code int}, {@code long}, {@code uuid}, plain, then {@code path}). When the preferred branch
 * fails further down, the next one is tried, so {@code /users/me} and {@code /users/{id}} coexist.
 *
 * @param <T> what a route leads to (the app stores its handler and scope here)
 */
public final class RouteTable<T> {

  /** A route found for a request: its value, template and parameter values by name. */
  public record Match<T>(T value, PathTemplate template, Map<String, String> params) {}

  private static final class Endpoint<T> {
    final T value;
    final PathTemplate template;
    final String[] paramNames;

    Endpoint(T value, PathTemplate template) {
      this.value = value;
      this.template = template;
      List<String> names = new ArrayList<>();
      for (PathTemplate.Segment segment : template.segments()) {
        if (segment.isParam()) {
          names.add(segment.paramName());
        }
      }
      this.paramNames = names.toArray(new String[0]);
    }
  }

  private static final class Node<T> {
    final Map<String, Node<T>> literals = new HashMap<>();
    final EnumMap<ParamType, Node<T>> params = new EnumMap<>(ParamType.class);
    final Map<String, Endpoint<T>> endpoints = new LinkedHashMap<>();

    Node<T> paramChild(ParamType type) {
      Node<T> child = params.get(type);
      if (child == null) {
        child = new Node<>();
        params.put(type, child);
      }
      return child;
    }

    Node<T> literalChild(String literal) {
      Node<T> child = literals.get(literal);
      if (child == null) {
        child = new Node<>();
        literals.put(literal, child);
      }
      return child;
    }
  }

  private final Node<T> root = new Node<>();

  /**
   * Adds a route.
   *
   * @throws IllegalArgumentException when {@code method} already has a route of the same shape
   *     (the same template up to parameter names)
   */
  public void add(String method, PathTemplate template, T value) {
    Node<T> node = root;
    for (PathTemplate.Segment segment : template.segments()) {
      node = segment.isParam() ? node.paramChild(segment.paramType()) : node.literalChild(segment.literal());
    }
    Endpoint<T> existing = node.endpoints.get(method);
    if (existing != null) {
      throw new IllegalArgumentException("Route conflict: " + method + " " + template.text()
          + " is already defined as " + method + " " + existing.template.text());
    }
    node.endpoints.put(method, new Endpoint<>(value, template));
  }

  /** The route for {@code method} and the decoded path {@code segments}, or {@code null}. */
  public Match<T> find(String method, String[] segments) {
    String[] captured = new String[segments.length];
    Endpoint<T> endpoint = find(root, method, segments, 0, captured, 0);
    if (endpoint == null) {
      return null;
    }
    Map<String, String> params;
    if (endpoint.paramNames.length == 0) {
      params = Map.of();
    } else {
      params = new LinkedHashMap<>(endpoint.paramNames.length * 2);
      for (int i = 0; i < endpoint.paramNames.length; i++) {
        params.put(endpoint.paramNames[i], captured[i]);
      }
    }
    return new Match<>(endpoint.value, endpoint.template, params);
  }

  /** Every method that has a route for these segments (empty: no route has this path). */
  public Set<String> methodsFor(String[] segments) {
    Set<String> methods = new TreeSet<>();
    collectMethods(root, segments, 0, methods);
    return methods;
  }

  private Endpoint<T> find(Node<T> node, String method, String[] segments, int index, String[] captured, int count) {
    if (index == segments.length) {
      return node.endpoints.get(method);
    }
    String segment = segments[index];
    Node<T> literal = node.literals.get(segment);
    if (literal != null) {
      Endpoint<T> found = find(literal, method, segments, index + 1, captured, count);
      if (found != null) {
        return found;
      }
    }
    if (node.params.isEmpty()) {
      return null;
    }
    for (Map.Entry<ParamType, Node<T>> entry : node.params.entrySet()) {
      ParamType type = entry.getKey();
      if (type == ParamType.PATH) {
        Endpoint<T> endpoint = entry.getValue().endpoints.get(method);
        if (endpoint != null && !segment.isEmpty()) {
          captured[count] = PathSegments.join(segments, index, segments.length);
          return endpoint;
        }
      } else if (type.accepts(segment)) {
        captured[count] = segment;
        Endpoint<T> found = find(entry.getValue(), method, segments, index + 1, captured, count + 1);
        if (found != null) {
          return found;
        }
      }
    }
    return null;
  }

  private void collectMethods(Node<T> node, String[] segments, int index, Set<String> methods) {
    if (index == segments.length) {
      methods.addAll(node.endpoints.keySet());
      return;
    }
    String segment = segments[index];
    Node<T> literal = node.literals.get(segment);
    if (literal != null) {
      collectMethods(literal, segments, index + 1, methods);
    }
    for (Map.Entry<ParamType, Node<T>> entry : node.params.entrySet()) {
      ParamType type = entry.getKey();
      if (type == ParamType.PATH) {
        if (!segment.isEmpty()) {
          methods.addAll(entry.getValue().endpoints.keySet());
        }
      } else if (type.accepts(segment)) {
        collectMethods(entry.getValue(), segments, index + 1, methods);
      }
    }
  }
}
