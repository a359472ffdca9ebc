package dev.vial.cors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class CorsPolicyTest {

  @Test
  void hasDocumentedDefaults() {
    CorsPolicy policy = CorsPolicy.allowOrigins("https://app.example");

    assertThat(policy.origins()).containsExactly("https://app.example");
    assertThat(policy.methods()).containsExactly("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE");
    assertThat(policy.allowedHeaders()).containsExactly("*");
    assertThat(policy.allowsHeader("x-anything")).isTrue();
    assertThat(policy.exposedHeaders()).isEmpty();
    assertThat(policy.allowsCredentials()).isFalse();
    assertThat(policy.maxAge()).isNull();
  }

  @Test
  void isAnImmutableValue() {
    CorsPolicy base = CorsPolicy.allowOrigins("https://app.example");

    CorsPolicy changed = base.allowMethods("GET").allowHeaders("Content-Type").exposeHeaders("X-Request-Id")
        .allowCredentials(true).maxAge(Duration.ofSeconds(600));

    assertThat(base.methods()).hasSize(6);
    assertThat(base.allowsCredentials()).isFalse();
    assertThat(changed.methods()).containsExactly("GET");
    assertThat(changed.allowedHeaders()).containsExactly("Content-Type");
    assertThat(changed.allowsHeader("content-type")).isTrue();
    assertThat(changed.allowsHeader("x-other")).isFalse();
    assertThat(changed.exposedHeaders()).containsExactly("X-Request-Id");
    assertThat(changed.allowsCredentials()).isTrue();
    assertThat(changed.maxAge()).isEqualTo(Duration.ofSeconds(600));
    assertThat(changed.allowHeaders("*").allowedHeaders()).containsExactly("*");
  }

  @Test
  void safelistedMethodsAlwaysPassAPreflight() {
    CorsPolicy policy = CorsPolicy.allowOrigins("https://app.example").allowMethods("PUT");

    assertThat(policy.allowsMethod("PUT")).isTrue();
    assertThat(policy.allowsMethod("GET")).isTrue();
    assertThat(policy.allowsMethod("HEAD")).isTrue();
    assertThat(policy.allowsMethod("POST")).isTrue();
    assertThat(policy.allowsMethod("DELETE")).isFalse();
    assertThat(policy.allowsMethod("put")).as("methods are case-sensitive").isFalse();
  }

  @Test
  void refusesCredentialsForAnyOriginWhicheverComesFirst() {
    assertThatThrownBy(() -> CorsPolicy.allowOrigins("*").allowCredentials(true))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("A CORS policy cannot allow credentials for any origin ('*')");
    assertThat(CorsPolicy.allowOrigins("*").allowCredentials(false).allowsCredentials()).isFalse();
  }

  @Test
  void refusesAnEmptyOriginList() {
    assertThatThrownBy(() -> CorsPolicy.allowOrigins()).isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("A CORS policy needs at least one allowed origin");
    assertThatThrownBy(() -> CorsPolicy.allowOrigins(List.of())).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void refusesAnUnanchoredPattern() {
    assertThatThrownBy(() -> CorsPolicy.allowOrigins("https://*app.example"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'*' may only be the whole first label of the host");
  }

  @Test
  void refusesNamesThatAreNotTokens() {
    CorsPolicy policy = CorsPolicy.allowOrigins("https://app.example");

    assertThatThrownBy(() -> policy.allowMethods()).hasMessage("A CORS policy needs at least one allowed method");
    assertThatThrownBy(() -> policy.allowMethods("GET", "*")).hasMessageContaining("Invalid CORS method '*'");
    assertThatThrownBy(() -> policy.allowMethods("GE T")).hasMessageContaining("Invalid CORS method 'GE T'");
    assertThatThrownBy(() -> policy.allowHeaders("X-A", "*")).hasMessageContaining("Invalid CORS request header '*'");
    assertThatThrownBy(() -> policy.allowHeaders("X-A\r\n")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> policy.exposeHeaders("X A")).hasMessageContaining("Invalid CORS exposed header");
    assertThatThrownBy(() -> policy.maxAge(Duration.ofSeconds(-1))).hasMessageContaining("zero or more");
    assertThatThrownBy(() -> policy.maxAge(null)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void describesItself() {
    assertThat(CorsPolicy.allowOrigins("https://app.example").toString())
        .startsWith("CorsPolicy[origins=https://app.example, methods=[GET, HEAD, POST, PUT, PATCH, DELETE]");
  }
}
