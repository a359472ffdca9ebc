package dev.vial;

/**
 * One row of the route table, as {@link App#routes()} lists it.
 *
 * @param method the HTTP method, upper case
 * @param template the full path template, blueprint prefixes included ({@code /api/users/{id:int}})
 * @param name the route's name, or {@code null} when it has none
 */
public record RouteInfo(String method, String template, String name) {

  @Override
  public String toString() {
    return method + " " + template + (name == null ? "" : " (" + name + ")");
  }
}
