package dev.vial.server.http1;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HeadParserTest {

  private static RequestHead parse(String head) throws ProtocolException {
    byte[] bytes = head.getBytes(StandardCharsets.ISO_8859_1);
    return HeadParser.parse(bytes, 0, bytes.length);
  }

  @Test
  void readsTheRequestLineAndTheFieldsInOrderWithTheirCase() throws ProtocolException {
    RequestHead head = parse("POST /users/7?full=1&x=%20 HTTP/1.1\r\nHost: example.com\r\nX-Trace:  a b \r\n"
        + "accept: */*\r\nX-Trace: c\r\n\r\n");

    assertThat(head.method()).isEqualTo("POST");
    assertThat(head.rawPath()).isEqualTo("/users/7");
    assertThat(head.rawQuery()).isEqualTo("full=1&x=%20");
    assertThat(head.http10()).isFalse();
    assertThat(head.headers().names()).containsExactly("Host", "X-Trace", "accept");
    assertThat(head.headers().all("x-trace")).containsExactly("a b", "c");
  }

  @Test
  void keepsTheRawPathWithItsEscapes() throws ProtocolException {
    assertThat(parse("GET /a%2Fb/c%20d?x=1 HTTP/1.1\r\n\r\n").rawPath()).isEqualTo("/a%2Fb/c%20d");
  }

  @Test
  void keepsALeadingDoubleSlashAsPathNotAuthority() throws ProtocolException {
    assertThat(parse("GET //evil.example/x?y=1 HTTP/1.1\r\n\r\n").rawPath()).isEqualTo("//evil.example/x");
  }

  @Test
  void takesThePathOfAnAbsoluteFormTarget() throws ProtocolException {
    assertThat(parse("GET http://localhost:8080/a/b?c HTTP/1.1\r\n\r\n").rawPath()).isEqualTo("/a/b");
    assertThat(parse("GET HTTPS://localhost:8080 HTTP/1.1\r\n\r\n").rawPath()).isEqualTo("/");
    RequestHead onlyQuery = parse("GET http://localhost?q=1 HTTP/1.1\r\n\r\n");
    assertThat(onlyQuery.rawPath()).isEqualTo("/");
    assertThat(onlyQuery.rawQuery()).isEqualTo("q=1");
  }

  @Test
  void percentEncodesRawUtf8InTheTarget() throws ProtocolException {
    byte[] bytes = "GET /caf\u00e9 HTTP/1.1\r\n\r\n".getBytes(StandardCharsets.UTF_8);

    assertThat(HeadParser.parse(bytes, 0, bytes.length).rawPath()).isEqualTo("/caf%C3%A9");
  }

  @Test
  void acceptsTheAsteriskOnlyForOptions() throws ProtocolException {
    assertThat(parse("OPTIONS * HTTP/1.1\r\n\r\n").rawPath()).isEqualTo("*");
    assertThatThrownBy(() -> parse("GET * HTTP/1.1\r\n\r\n")).hasMessageContaining("only allowed for OPTIONS");
  }

  @Test
  void readsHttp10AndItsKeepAliveOptIn() throws ProtocolException {
    assertThat(parse("GET / HTTP/1.0\r\n\r\n").wantsKeepAlive()).isFalse();
    assertThat(parse("GET / HTTP/1.0\r\nConnection: Keep-Alive\r\n\r\n").wantsKeepAlive()).isTrue();
    assertThat(parse("GET / HTTP/1.1\r\n\r\n").wantsKeepAlive()).isTrue();
    assertThat(parse("GET / HTTP/1.1\r\nConnection: foo, close\r\n\r\n").wantsKeepAlive()).isFalse();
  }

  @Test
  void readsExpectContinueOnlyFromHttp11() throws ProtocolException {
    assertThat(parse("PUT / HTTP/1.1\r\nExpect: 100-Continue\r\n\r\n").expectsContinue()).isTrue();
    assertThat(parse("PUT / HTTP/1.0\r\nExpect: 100-continue\r\n\r\n").expectsContinue()).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "GARBAGE\r\n\r\n",
      "GET /hello\r\n\r\n",
      " GET / HTTP/1.1\r\n\r\n",
      "GET  / HTTP/1.1\r\n\r\n",
      "G(T / HTTP/1.1\r\n\r\n",
      "GET hello HTTP/1.1\r\n\r\n",
      "GET /a\u0001b HTTP/1.1\r\n\r\n",
      "GET / HTTP/1.1\r\nNoColon\r\n\r\n",
      "GET / HTTP/1.1\r\n: empty name\r\n\r\n",
      "GET / HTTP/1.1\r\nHost : t\r\n\r\n",
      "GET / HTTP/1.1\r\nX: a\r\n folded\r\n\r\n",
      "GET / HTTP/1.1\r\nX: a\u0000b\r\n\r\n",
      "GET / HTTP/1.1\nHost: t\n\n",
      "GET / HTTP/1.1\r\nHost: t\n\r\n",
  })
  void refusesMalformedHeadsWith400(String head) {
    assertThatThrownBy(() -> parse(head)).isInstanceOfSatisfying(ProtocolException.class,
        e -> assertThat(e.status()).isEqualTo(400));
  }

  @ParameterizedTest
  @ValueSource(strings = {"HTTP/2.0", "HTTP/1.1 extra", "HTTP/1.2", "HTTP/0.9"})
  void refusesOtherVersionsWith505(String version) {
    assertThatThrownBy(() -> parse("GET / " + version + "\r\n\r\n")).isInstanceOfSatisfying(ProtocolException.class,
        e -> assertThat(e.status()).isEqualTo(505));
  }

  @Test
  void refusesMoreThanTwoHundredFieldsWith431() {
    String fields = "X: y\r\n".repeat(HeadParser.MAX_FIELDS);
    assertThat(catchStatus("GET / HTTP/1.1\r\n" + fields + "\r\n")).isZero();
    assertThat(catchStatus("GET / HTTP/1.1\r\n" + fields + "X: y\r\n\r\n")).isEqualTo(431);
  }

  @Test
  void readsFieldValuesAsLatin1() throws ProtocolException {
    assertThat(parse("GET / HTTP/1.1\r\nX: caf\u00e9\r\n\r\n").headers().first("X")).isEqualTo("caf\u00e9");
  }

  private static int catchStatus(String head) {
    try {
      parse(head);
      return 0;
    } catch (ProtocolException e) {
      return e.status();
    }
  }
}
