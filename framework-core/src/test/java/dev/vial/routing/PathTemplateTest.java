package dev.vial.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PathTemplateTest {

  @Test
  void parsesLiteralAndParameterSegments() {
    PathTemplate template = PathTemplate.parse("/users/{id:int}/files/{rest:path}");

    assertThat(template.segments()).containsExactly(
        new PathTemplate.Segment("users", null, null),
        new PathTemplate.Segment(null, "id", ParamType.INT),
        new PathTemplate.Segment("files", null, null),
        new PathTemplate.Segment(null, "rest", ParamType.PATH));
    assertThat(template.segments().get(1).isParam()).isTrue();
    assertThat(template.segments().get(0).isParam()).isFalse();
  }

  @ParameterizedTest
  @CsvSource({
      "/, /",
      "/a/, /a",
      "/a/{b}/, /a/{b}",
      "/a/{b:string}, /a/{b}",
      "/{id:uuid}, /{id:uuid}",
      "/{id:long}/x, /{id:long}/x"})
  void normalizesTheText(String template, String text) {
    assertThat(PathTemplate.parse(template).text()).isEqualTo(text);
    assertThat(PathTemplate.parse(template)).hasToString(text);
  }

  @Test
  void shapeIgnoresParameterNamesButNotTypes() {
    assertThat(PathTemplate.parse("/u/{id}").shape()).isEqualTo(PathTemplate.parse("/u/{name}/").shape());
    assertThat(PathTemplate.parse("/u/{id}").shape()).isNotEqualTo(PathTemplate.parse("/u/{id:int}").shape());
    assertThat(PathTemplate.parse("/").shape()).isEqualTo("/");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "users                | Route path must start with '/': 'users'",
      "''                   | Route path must start with '/': ''",
      "/a/{}                | Bad parameter name '' in route '/a/{}'",
      "/a/{b c}             | Bad parameter name 'b c' in route '/a/{b c}'",
      "/a/{id:float}        | Unknown path parameter type 'float' (known: int, long, uuid, string, path) in route '/a/{id:float}'",
      "/a/{id:}             | Unknown path parameter type '' (known: int, long, uuid, string, path) in route '/a/{id:}'",
      "/{id}/{id:int}       | Parameter 'id' appears twice in route '/{id}/{id:int}'",
      "/{rest:path}/x       | A {rest:path} parameter must be the last segment of '/{rest:path}/x'",
      "/a{b}                | A parameter must fill a whole segment: 'a{b}' in route '/a{b}'",
      "/a/{b                | A parameter must fill a whole segment: '{b' in route '/a/{b'",
      "/a/b}                | A parameter must fill a whole segment: 'b}' in route '/a/b}'",
      "/a//b                | Empty segment ('//') in route '/a//b'"})
  void rejectsMalformedTemplatesWithAClearMessage(String template, String message) {
    assertThatThrownBy(() -> PathTemplate.parse(template))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(message);
  }

  @Test
  void rejectsNull() {
    assertThatThrownBy(() -> PathTemplate.parse(null)).hasMessageContaining("must start with '/'");
  }

  @ParameterizedTest
  @CsvSource({
      "'', /a, /a",
      "/, /a, /a",
      "/api, /, /api",
      "/api/, /users, /api/users",
      "/api, /users/{id}, /api/users/{id}"})
  void joinsPrefixAndPath(String prefix, String path, String joined) {
    assertThat(PathTemplate.join(prefix, path)).isEqualTo(joined);
  }
}
