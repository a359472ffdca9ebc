package dev.vial.files;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vial.routing.PathSegments;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The one place a request path becomes a file name. */
class PathGuardTest {

  private static String name(String rawPath) {
    return PathGuard.relativeName(PathSegments.split(rawPath));
  }

  @Test
  void decodesEachSegmentOnce() {
    assertThat(name("/css/site.css")).isEqualTo("css/site.css");
    assertThat(name("/weird%20name.txt")).isEqualTo("weird name.txt");
    assertThat(name("/%252e%252e")).isEqualTo("%2e%2e");
    assertThat(name("/caf%C3%A9.txt")).isEqualTo("café.txt");
    assertThat(name("/")).isEqualTo("");
  }

  @ParameterizedTest
  @ValueSource(strings = {"/..", "/a/../b", "/.", "/%2e%2e", "/%2E", "/.env", "/a/.git/config", "/a//b", "/a%2fb",
      "/a%5cb", "/a\\b", "/a%00", "/a%0d%0a", "/c:", "/a:b", "/con", "/CON.txt", "/aux.tar.gz", "/com1", "/LPT3.js",
      "/conin$", "/a.", "/a%20", "/%zz", "/%c0%ae%c0%ae", "/a*b", "/a%3fb", "/a%22b", "/a%3cb", "/a%7cb", "/com¹"})
  void refusesNamesThatCouldLeaveTheRootOrMeanSomethingElseOnSomeSystem(String rawPath) {
    assertThat(name(rawPath)).as(rawPath).isNull();
  }

  @Test
  void keepsOrdinaryNamesThatLookLikeTheRefusedOnes() {
    assertThat(name("/console.js")).isEqualTo("console.js");
    assertThat(name("/com10")).isEqualTo("com10");
    assertThat(name("/a..b")).isEqualTo("a..b");
    assertThat(name("/version-1.2.3")).isEqualTo("version-1.2.3");
  }
}
