package dev.vial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HttpExceptionTest {

  @Test
  void usesTheReasonPhraseAsDefaultMessage() {
    HttpException e = new HttpException(404);

    assertThat(e.status()).isEqualTo(404);
    assertThat(e.getMessage()).isEqualTo("Not Found");
    assertThat(e.headers().isEmpty()).isTrue();
  }

  @Test
  void carriesHeadersAndCause() {
    IllegalStateException cause = new IllegalStateException("x");
    HttpException e = new HttpException(405, "nope", Headers.of("Allow", "GET"), cause);

    assertThat(e.headers().first("Allow")).isEqualTo("GET");
    assertThat(e.getCause()).isSameAs(cause);
    assertThat(new HttpException(400, "m", null, null).headers().isEmpty()).isTrue();
  }

  @Test
  void hasNoStackTraceSinceItIsControlFlow() {
    assertThat(new HttpException(400, "m").getStackTrace()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(ints = {200, 302, 399, 600})
  void rejectsStatusesThatAreNotErrors(int status) {
    assertThatThrownBy(() -> new HttpException(status, "m")).hasMessageContaining("must be 4xx or 5xx");
  }
}
