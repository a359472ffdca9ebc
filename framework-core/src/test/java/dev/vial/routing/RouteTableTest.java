package dev.vial.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RouteTableTest {

  private static RouteTable<String> table(String... methodAndTemplates) {
    RouteTable<String> table = new RouteTable<>();
    for (String route : methodAndTemplates) {
      int space = route.indexOf(' ');
      table.add(route.substring(0, space), PathTemplate.parse(route.substring(space + 1)), route);
    }
    return table;
  }

  private static String[] segments(String path) {
    return PathSegments.decode(path);
  }

  private static String found(RouteTable<String> table, String method, String path) {
    RouteTable.Match<String> match = table.find(method, segments(path));
    return match == null ? null : match.value();
  }

  @Test
  void findsTheRouteAndItsParameters() {
    RouteTable<String> table = table("GET /users/{id:int}/posts/{slug}");

    RouteTable.Match<String> match = table.find("GET", segments("/users/7/posts/hello"));

    assertThat(match.value()).isEqualTo("GET /users/{id:int}/posts/{slug}");
    assertThat(match.template().text()).isEqualTo("/users/{id:int}/posts/{slug}");
    assertThat(match.params()).containsExactly(Map.entry("id", "7"), Map.entry("slug", "hello"));
  }

  @Test
  void findsTheRoot() {
    assertThat(found(table("GET /"), "GET", "/")).isEqualTo("GET /");
    assertThat(table("GET /").find("GET", segments("/")).params()).isEmpty();
  }

  @Test
  void returnsNullForAnUnknownPathOrMethod() {
    RouteTable<String> table = table("GET /a");

    assertThat(found(table, "GET", "/b")).isNull();
    assertThat(found(table, "POST", "/a")).isNull();
    assertThat(found(table, "GET", "/a/b")).isNull();
    assertThat(found(table, "GET", "/")).isNull();
  }

  @Test
  void literalBeatsEveryParameterTypeInAnyRegistrationOrder() {
    List<String> routes = List.of("GET /x/{p:path}", "GET /x/{s}", "GET /x/{u:uuid}", "GET /x/{l:long}",
        "GET /x/{i:int}", "GET /x/5");
    RouteTable<String> forward = table(routes.toArray(String[]::new));
    List<String> reversed = new ArrayList<>(routes);
    Collections.reverse(reversed);
    RouteTable<String> backward = table(reversed.toArray(String[]::new));

    for (RouteTable<String> table : List.of(forward, backward)) {
      assertThat(found(table, "GET", "/x/5")).isEqualTo("GET /x/5");
      assertThat(found(table, "GET", "/x/6")).isEqualTo("GET /x/{i:int}");
      assertThat(found(table, "GET", "/x/-9000000000")).isEqualTo("GET /x/{l:long}");
      assertThat(found(table, "GET", "/x/123e4567-e89b-42d3-a456-426614174000")).isEqualTo("GET /x/{u:uuid}");
      assertThat(found(table, "GET", "/x/abc")).isEqualTo("GET /x/{s}");
      assertThat(found(table, "GET", "/x/abc/def")).isEqualTo("GET /x/{p:path}");
    }
  }

  @Test
  void backtracksWhenThePreferredBranchDeadEnds() {
    RouteTable<String> table = table("GET /a/{n:int}/x", "GET /a/{s}/y", "GET /a/1/z", "GET /a/{rest:path}");

    assertThat(found(table, "GET", "/a/1/z")).isEqualTo("GET /a/1/z");
    assertThat(found(table, "GET", "/a/1/x")).isEqualTo("GET /a/{n:int}/x");
    assertThat(found(table, "GET", "/a/1/y")).isEqualTo("GET /a/{s}/y");
    assertThat(found(table, "GET", "/a/1/w")).isEqualTo("GET /a/{rest:path}");
    assertThat(table.find("GET", segments("/a/1/w")).params()).containsExactly(Map.entry("rest", "1/w"));
  }

  @Test
  void backtracksOnTheMethodToo() {
    RouteTable<String> table = table("POST /u/me", "GET /u/{id}");

    assertThat(found(table, "GET", "/u/me")).isEqualTo("GET /u/{id}");
    assertThat(found(table, "POST", "/u/me")).isEqualTo("POST /u/me");
  }

  @Test
  void keepsOnlyTheParametersOfTheWinningBranch() {
    RouteTable<String> table = table("GET /{a:int}/{b:int}/x", "GET /{c}/{d}/y");

    assertThat(table.find("GET", segments("/1/2/y")).params()).containsExactly(Map.entry("c", "1"), Map.entry("d", "2"));
  }

  @Test
  void restParameterTakesDecodedSegmentsAndEmptyOnesBetween() {
    RouteTable<String> table = table("GET /f/{rest:path}");

    assertThat(table.find("GET", new String[] {"f", "a/b", "", "c"}).params().get("rest")).isEqualTo("a/b//c");
    assertThat(table.find("GET", new String[] {"f", "", "c"})).isNull();
    assertThat(table.find("GET", new String[] {"f"})).isNull();
  }

  @Test
  void emptySegmentsMatchNoParameter() {
    RouteTable<String> table = table("GET /a/{s}/b");

    assertThat(table.find("GET", new String[] {"a", "", "b"})).isNull();
  }

  @Test
  void rejectsTheSameShapeForTheSameMethod() {
    RouteTable<String> table = table("GET /u/{id}");

    assertThatThrownBy(() -> table.add("GET", PathTemplate.parse("/u/{name}"), "dup"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Route conflict: GET /u/{name} is already defined as GET /u/{id}");
    table.add("POST", PathTemplate.parse("/u/{name}"), "ok");
  }

  @Test
  void listsMethodsOnlyFromTemplatesThatMatch() {
    RouteTable<String> table = table("GET /u/{id:int}", "POST /u/{name}", "DELETE /u/me", "PUT /u/{rest:path}",
        "PATCH /other");

    assertThat(table.methodsFor(segments("/u/7"))).containsExactly("GET", "POST", "PUT");
    assertThat(table.methodsFor(segments("/u/me"))).containsExactly("DELETE", "POST", "PUT");
    assertThat(table.methodsFor(segments("/u/a/b"))).containsExactly("PUT");
    assertThat(table.methodsFor(segments("/nope"))).isEmpty();
    assertThat(table.methodsFor(segments("/"))).isEmpty();
  }
}
