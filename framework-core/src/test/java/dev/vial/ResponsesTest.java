package dev.vial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ResponsesTest {

  @Test
  void okIsUtf8TextWithCharset() {
    Response response = Responses.ok("caf\u00e9");

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.contentType()).isEqualTo("text/plain; charset=utf-8");
    assertThat(response.body()).isEqualTo("caf\u00e9".getBytes(StandardCharsets.UTF_8));
    assertThat(response.bodyText()).isEqualTo("caf\u00e9");
  }

  @Test
  void textCarriesAnyStatus() {
    assertThat(Responses.text(418, "teapot").status()).isEqualTo(418);
  }

  @Test
  void htmlIsUtf8HtmlWithCharset() {
    Response response = Responses.html("<p>\u00e9</p>");

    assertThat(response.contentType()).isEqualTo("text/html; charset=utf-8");
    assertThat(response.bodyText()).isEqualTo("<p>\u00e9</p>");
  }

  @Test
  void jsonHoldsTheValueUntilTheAppRendersIt() {
    Response response = Responses.json(List.of(1));

    assertThat(response.hasJsonValue()).isTrue();
    assertThat(response.jsonValue()).isEqualTo(List.of(1));
    assertThat(response.body()).isEmpty();
    assertThat(response.contentType()).isEqualTo("application/json");
    assertThat(Responses.json(201, "x").status()).isEqualTo(201);
  }

  @Test
  void bytesKeepsTheGivenContentType() {
    Response response = Responses.bytes(new byte[] {1, 2}, "image/png");

    assertThat(response.body()).containsExactly(1, 2);
    assertThat(response.contentType()).isEqualTo("image/png");
    assertThatThrownBy(() -> Responses.bytes(null, "image/png")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Responses.bytes(new byte[0], null)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void statusAndNoContentHaveNoBody() {
    assertThat(Responses.status(202).status()).isEqualTo(202);
    assertThat(Responses.status(202).body()).isEmpty();
    assertThat(Responses.noContent().status()).isEqualTo(204);
    assertThat(Responses.noContent().headers().isEmpty()).isTrue();
  }

  @Test
  void createdSetsLocationAndOptionalJsonBody() {
    Response withBody = Responses.created("/things/1", List.of("a"));
    Response withoutBody = Responses.created("/things/2", null);

    assertThat(withBody.status()).isEqualTo(201);
    assertThat(withBody.header("Location")).isEqualTo("/things/1");
    assertThat(withBody.hasJsonValue()).isTrue();
    assertThat(withoutBody.hasJsonValue()).isFalse();
    assertThat(withoutBody.header("Location")).isEqualTo("/things/2");
  }

  @Test
  void redirectIs302ByDefault() {
    Response response = Responses.redirect("/login");

    assertThat(response.status()).isEqualTo(302);
    assertThat(response.header("Location")).isEqualTo("/login");
  }

  @ParameterizedTest
  @ValueSource(ints = {301, 302, 303, 307, 308})
  void redirectAcceptsRedirectStatuses(int status) {
    assertThat(Responses.redirect(status, "/x").status()).isEqualTo(status);
  }

  @ParameterizedTest
  @ValueSource(ints = {200, 300, 304, 305, 404, 0})
  void redirectRejectsOtherStatuses(int status) {
    assertThatThrownBy(() -> Responses.redirect(status, "/x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Redirect status must be 301, 302, 303, 307 or 308");
  }

  @Test
  void redirectRejectsLocationsThatWouldSplitTheResponse() {
    assertThatThrownBy(() -> Responses.redirect("/x\r\nSet-Cookie: a=b")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Responses.redirect(null)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void errorResponsesUseTheDefaultJsonBody() {
    assertThat(Responses.notFound().bodyText()).isEqualTo("{\"error\":\"Not Found\",\"status\":404}");
    assertThat(Responses.badRequest("no \"name\"").bodyText())
        .isEqualTo("{\"error\":\"no \\\"name\\\"\",\"status\":400}");
    assertThat(Responses.error(503, "line1\nline2\t\\ \u0001 \u2028").bodyText())
        .isEqualTo("{\"error\":\"line1\\nline2\\t\\\\ \\u0001 \\u2028\",\"status\":503}");
    assertThat(Responses.error(500, "x").contentType()).isEqualTo("application/json");
  }

  @Test
  void abortThrowsAnHttpException() {
    assertThatThrownBy(() -> Responses.abort(404, "no such user"))
        .isInstanceOfSatisfying(HttpException.class, e -> {
          assertThat(e.status()).isEqualTo(404);
          assertThat(e.getMessage()).isEqualTo("no such user");
        });
  }

  @Test
  void rejectsNullText() {
    assertThatThrownBy(() -> Responses.ok(null)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Responses.html(null)).isInstanceOf(IllegalArgumentException.class);
  }
}
