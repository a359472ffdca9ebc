package dev.vial.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PathSegmentsTest {

  @Test
  void splitsRawPathsKeepingEmptySegments() {
    assertThat(PathSegments.split("/")).isEmpty();
    assertThat(PathSegments.split("/a/b")).containsExactly("a", "b");
    assertThat(PathSegments.split("/a//b/")).containsExactly("a", "", "b", "");
  }

  @Test
  void decodesEachSegmentAndDropsOneTrailingSlash() {
    assertThat(PathSegments.decode("/")).isEmpty();
    assertThat(PathSegments.decode("/a")).containsExactly("a");
    assertThat(PathSegments.decode("/a/")).containsExactly("a");
    assertThat(PathSegments.decode("/a%2Fb/c%20d+e")).containsExactly("a/b", "c d+e");
    assertThat(PathSegments.decode("/a//b")).containsExactly("a", "", "b");
    assertThat(PathSegments.decode("//")).containsExactly("");
    assertThat(PathSegments.decode("/a//")).containsExactly("a", "");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "a/b", "*"})
  void rejectsPathsWithoutLeadingSlash(String path) {
    assertThatThrownBy(() -> PathSegments.decode(path)).hasMessage("Request path must start with '/'");
  }

  @Test
  void rejectsMalformedEscapes() {
    assertThatThrownBy(() -> PathSegments.decode("/ok/%zz")).hasMessageContaining("Malformed percent-escape");
  }

  @Test
  void joinsARangeOfSegments() {
    String[] segments = {"a", "b", "c"};

    assertThat(PathSegments.join(segments, 1, 3)).isEqualTo("b/c");
    assertThat(PathSegments.join(segments, 0, 1)).isEqualTo("a");
    assertThat(PathSegments.join(segments, 2, 2)).isEmpty();
  }
}
