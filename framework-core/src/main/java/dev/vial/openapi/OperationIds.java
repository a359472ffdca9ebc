package dev.vial.openapi;

import dev.vial.RouteInfo;
import dev.vial.routing.PathTemplate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Unique operation ids for a route table: a route's name when it has one ({@code user}; a name that labels
 * several methods of its template gets the method appended: {@code echo-rest-get}, {@code echo-rest-post}),
 * else the method and the path in camel case ({@code GET /users/{id:int}} → {@code getUsersById},
 * {@code GET /} → {@code getRoot}). Ids depend only on the table, so they are stable from one build to the
 * next; a remaining clash (a made-up id equal to a name) gets {@code _2}, {@code _3}... in table order.
 */
final class OperationIds {

  private final Map<RouteInfo, String> ids = new HashMap<>();

  OperationIds(List<RouteInfo> routes) {
    Map<String, Integer> routesPerName = new HashMap<>();
    for (RouteInfo route : routes) {
      if (route.name() != null) {
        routesPerName.merge(route.name(), 1, Integer::sum);
      }
    }
    Set<String> used = new HashSet<>();
    for (RouteInfo route : routes) {
      if (route.name() != null) {
        String id = routesPerName.get(route.name()) == 1 ? route.name()
            : route.name() + "-" + route.method().toLowerCase(Locale.ROOT);
        ids.put(route, unique(id, used));
      }
    }
    for (RouteInfo route : routes) {
      if (route.name() == null) {
        ids.put(route, unique(generated(route), used));
      }
    }
  }

  String idFor(RouteInfo route) {
    return ids.get(route);
  }

  static String generated(RouteInfo route) {
    StringBuilder id = new StringBuilder(route.method().toLowerCase(Locale.ROOT));
    List<PathTemplate.Segment> segments = PathTemplate.parse(route.template()).segments();
    if (segments.isEmpty()) {
      return id.append("Root").toString();
    }
    for (PathTemplate.Segment segment : segments) {
      if (segment.isParam()) {
        id.append("By");
        appendCamel(id, segment.paramName());
      } else {
        appendCamel(id, segment.literal());
      }
    }
    return id.toString();
  }

  /** Appends {@code word} with each run of letters and digits capitalised and everything else dropped. */
  private static void appendCamel(StringBuilder id, String word) {
    boolean startOfPart = true;
    for (int i = 0; i < word.length(); i++) {
      char c = word.charAt(i);
      if (c < 128 && Character.isLetterOrDigit(c)) {
        id.append(startOfPart ? Character.toUpperCase(c) : c);
        startOfPart = false;
      } else {
        startOfPart = true;
      }
    }
  }

  private static String unique(String id, Set<String> used) {
    String candidate = id;
    for (int n = 2; !used.add(candidate); n++) {
      candidate = id + "_" + n;
    }
    return candidate;
  }
}
