package dev.vial.server;

import dev.vial.RouteInfo;
import java.util.List;

/** The startup text {@link LocalServer#serve} prints: where the app listens and its route table, like {@code flask routes}. */
final class Banner {

  private Banner() {}

  /**
   * For example:
   * <pre>
   * Vial serving on http://127.0.0.1:8080 (Ctrl-C to stop)
   *
   * Method  Path              Name
   * GET     /                 index
   * POST    /users/{id:int}
   * </pre>
   */
  static String render(String url, List<RouteInfo> routes) {
    return render(url, routes, null);
  }

  /** As {@link #render(String, List)}, with {@code note} (if not {@code null}) on the line after the URL. */
  static String render(String url, List<RouteInfo> routes, String note) {
    StringBuilder text = new StringBuilder(128 + routes.size() * 48);
    text.append("Vial serving on ").append(url).append(" (Ctrl-C to stop)\n");
    if (note != null) {
      text.append(note).append('\n');
    }
    text.append('\n');
    if (routes.isEmpty()) {
      return text.append("No routes defined: every request will be answered 404.\n").toString();
    }
    int methodWidth = "Method".length();
    int pathWidth = "Path".length();
    for (RouteInfo route : routes) {
      methodWidth = Math.max(methodWidth, route.method().length());
      pathWidth = Math.max(pathWidth, route.template().length());
    }
    row(text, "Method", methodWidth, "Path", pathWidth, "Name");
    for (RouteInfo route : routes) {
      row(text, route.method(), methodWidth, route.template(), pathWidth, route.name() == null ? "" : route.name());
    }
    return text.toString();
  }

  private static void row(StringBuilder text, String method, int methodWidth, String path, int pathWidth, String name) {
    pad(text.append(method), methodWidth - method.length() + 2);
    if (name.isEmpty()) {
      text.append(path);
    } else {
      pad(text.append(path), pathWidth - path.length() + 2).append(name);
    }
    text.append('\n');
  }

  private static StringBuilder pad(StringBuilder text, int spaces) {
    for (int i = 0; i < spaces; i++) {
      text.append(' ');
    }
    return text;
  }
}
