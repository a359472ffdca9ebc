package dev.vial;

import dev.vial.openapi.RouteDoc;

/**
 * One row of the route table, as {@link App#routes()} lists it.
 *
 * @param method the HTTP method, upper case
 * @param template the full path template, blueprint prefixes included ({@code /api/users/{id:int}})
 * @param name the route's name, or {@code null} when it has none
 * @param doc the route's documentation ({@link RouteDoc#handles}), or {@code null} when it has none
 */
public record RouteInfo(String method, String template, String name, RouteDoc doc) {

  /** A row without documentation. */
  public RouteInfo(String method, String template, String name) {
    this(method, template, name, null);
  }

  @Override
  public String toString() {
    return method + " " + template + (name == null ? "" : " (" + name + ")");
  }
}
