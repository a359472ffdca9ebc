package dev.vial.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class UrlBuilderTest {

  private final UrlBuilder urls = new UrlBuilder(Map.of(
      "home", "/",
      "user", "/users/{id:int}",
      "account", "/accounts/{id:long}",
      "doc", "/docs/{id:uuid}",
      "page", "/café/{slug}",
      "file", "/files/{rest:path}"));

  @Test
  void buildsTheTemplateWithItsParameters() {
    assertThat(urls.build("", "home")).isEqualTo("/");
    assertThat(urls.build("", "user", "id", 42)).isEqualTo("/users/42");
    assertThat(urls.build("", "user", "id", "-7")).isEqualTo("/users/-7");
    assertThat(urls.build("", "account", "id", 5_000_000_000L)).isEqualTo("/accounts/5000000000");
    UUID id = UUID.fromString("123e4567-e89b-12d3-a456-426614174000");
    assertThat(urls.build("", "doc", "id", id)).isEqualTo("/docs/123e4567-e89b-12d3-a456-426614174000");
  }

  @Test
  void prefixesTheMountPath() {
    assertThat(urls.build("/prod", "home")).isEqualTo("/prod/");
    assertThat(urls.build("/prod", "user", "id", 42)).isEqualTo("/prod/users/42");
    assertThat(urls.build("/prod/", "user", "id", 42)).as("a trailing slash is not doubled").isEqualTo("/prod/users/42");
  }

  @Test
  void percentEncodesWhatWouldChangeTheMeaningOfASegment() {
    assertThat(urls.build("", "page", "slug", "a b/c?d#e%f")).isEqualTo("/caf%C3%A9/a%20b%2Fc%3Fd%23e%25f");
    assertThat(urls.build("", "page", "slug", "ünï ✓")).isEqualTo("/caf%C3%A9/%C3%BCn%C3%AF%20%E2%9C%93");
    assertThat(urls.build("", "page", "slug", "c++:@!$&'()*,;=-._~")).as("pchar stays").isEqualTo(
        "/caf%C3%A9/c++:@!$&'()*,;=-._~");
    assertThat(urls.build("", "page", "slug", "😀")).isEqualTo("/caf%C3%A9/%F0%9F%98%80");
  }

  @Test
  void keepsTheSlashesOfAPathParameter() {
    assertThat(urls.build("", "file", "rest", "a b/c?d")).isEqualTo("/files/a%20b/c%3Fd");
    assertThat(urls.build("", "file", "rest", "x")).isEqualTo("/files/x");
  }

  @Test
  void turnsOtherParametersIntoTheQueryStringInTheOrderGiven() {
    assertThat(urls.build("", "home", "q", "x y", "a", "1+1=2&b")).isEqualTo("/?q=x%20y&a=1%2B1%3D2%26b");
    assertThat(urls.build("", "user", "z", 1, "id", 42, "a", 2)).isEqualTo("/users/42?z=1&a=2");
    assertThat(urls.build("", "home", "tag", List.of("a", "b"), "n", new Object[] {1, 2})).isEqualTo(
        "/?tag=a&tag=b&n=1&n=2");
    assertThat(urls.build("", "home", "ü ber", "", "~ok", "-._~")).isEqualTo("/?%C3%BC%20ber=&~ok=-._~");
  }

  @Test
  void dropsNullValues() {
    assertThat(urls.build("", "home", "q", null, "p", 1)).isEqualTo("/?p=1");
    assertThat(urls.build("", "home", "tags", Arrays.asList("a", null))).isEqualTo("/?tags=a");
    Map<String, Object> params = new HashMap<>();
    params.put("q", null);
    assertThat(urls.build("", "home", params)).isEqualTo("/");
  }

  @Test
  void takesAMapInItsIterationOrder() {
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("b", 2);
    params.put("id", 42);
    params.put("a", 1);

    assertThat(urls.build("", "user", params)).isEqualTo("/users/42?b=2&a=1");
    assertThat(urls.build("", "user", Map.of("id", 7))).isEqualTo("/users/7");
  }

  @Test
  void refusesAValueItsConverterRefuses() {
    assertThatThrownBy(() -> urls.build("", "user", "id", "abc"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Value 'abc' for {id:int} of route 'user' (/users/{id:int}) is not an int");
    assertThatThrownBy(() -> urls.build("", "user", "id", 5_000_000_000L)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> urls.build("", "doc", "id", "not-a-uuid"))
        .hasMessageContaining("is not a uuid");
    assertThatThrownBy(() -> urls.build("", "page", "slug", "")).hasMessageContaining("is not a string");
  }

  @Test
  void refusesAValueThatWouldNotRouteBack() {
    assertThatThrownBy(() -> urls.build("", "page", "slug", ".."))
        .hasMessageContaining("clients resolve the dot segment '..'");
    assertThatThrownBy(() -> urls.build("", "file", "rest", "a/./b")).hasMessageContaining("dot segment '.'");
    assertThatThrownBy(() -> urls.build("", "file", "rest", "a//b")).hasMessageContaining("empty path segment");
    assertThatThrownBy(() -> urls.build("", "file", "rest", "a/")).hasMessageContaining("empty path segment");
    assertThatThrownBy(() -> urls.build("", "file", "rest", "/a")).hasMessageContaining("empty path segment");
    assertThatThrownBy(() -> urls.build("", "page", "slug", "a\uD800b")).hasMessageContaining("unpaired surrogate");
    assertThatThrownBy(() -> urls.build("", "home", "q", "\uDC00")).hasMessageContaining("unpaired surrogate");
  }

  @Test
  void refusesMissingRepeatedOrCollectionValuedTemplateParameters() {
    assertThatThrownBy(() -> urls.build("", "user"))
        .hasMessage("Route 'user' (/users/{id:int}) needs a value for 'id'");
    assertThatThrownBy(() -> urls.build("", "user", "id", null)).hasMessageContaining("needs a value for 'id'");
    assertThatThrownBy(() -> urls.build("", "user", "id", 1, "id", 2)).hasMessageContaining("is given twice");
    assertThatThrownBy(() -> urls.build("", "user", "id", List.of(1))).hasMessageContaining("takes one value");
  }

  @Test
  void refusesAnUnknownNameAndMalformedArguments() {
    assertThatThrownBy(() -> urls.build("", "nope"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("No route is named 'nope' (named routes: [account, doc, file, home, page, user])");
    assertThatThrownBy(() -> urls.build("", null)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> urls.build("", "user", "id")).hasMessageContaining("odd number of arguments");
    assertThatThrownBy(() -> urls.build("", "user", 1, 2)).hasMessageContaining("must be non-empty strings");
    assertThatThrownBy(() -> urls.build("", "user", "", 2)).hasMessageContaining("must be non-empty strings");
  }
}
