package dev.vial.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MediaTypesTest {

  @Test
  void essenceDropsParametersAndLowerCases() {
    assertThat(MediaTypes.essence("Text/HTML; charset=ISO-8859-1")).isEqualTo("text/html");
    assertThat(MediaTypes.essence(" application/json ")).isEqualTo("application/json");
    assertThat(MediaTypes.essence("application/x-www-form-urlencoded;charset=UTF-8")).isEqualTo(MediaTypes.FORM);
    assertThat(MediaTypes.essence(null)).isEmpty();
    assertThat(MediaTypes.essence("")).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"text/plain", "text/html; charset=utf-8", "TEXT/CSV", "application/json",
      "application/problem+json", "application/xml", "application/atom+xml", "image/svg+xml",
      "application/javascript", "application/ecmascript", "application/x-www-form-urlencoded",
      "application/graphql", "application/json; charset=utf-8"})
  void textualTypes(String type) {
    assertThat(MediaTypes.isTextual(type)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"image/png", "application/octet-stream", "application/pdf", "multipart/form-data; boundary=x",
      "application/zip", "", "application/jsonx"})
  void binaryTypes(String type) {
    assertThat(MediaTypes.isTextual(type)).isFalse();
  }

  @Test
  void aMissingTypeIsBinary() {
    assertThat(MediaTypes.isTextual(null)).isFalse();
  }

  @Test
  void textConstantsDeclareUtf8() {
    assertThat(MediaTypes.TEXT_PLAIN).isEqualTo("text/plain; charset=utf-8");
    assertThat(MediaTypes.TEXT_HTML).isEqualTo("text/html; charset=utf-8");
    assertThat(MediaTypes.JSON).isEqualTo("application/json");
    assertThat(MediaTypes.OCTET_STREAM).isEqualTo("application/octet-stream");
  }
}
