package dev.vial.server.http1;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BodyFramingTest {

  private static BodyFraming framing(String version, String fields) throws ProtocolException {
    byte[] head = ("POST / " + version + "\r\n" + fields + "\r\n").getBytes(StandardCharsets.ISO_8859_1);
    return BodyFraming.of(HeadParser.parse(head, 0, head.length));
  }

  private static int status(String fields) {
    try {
      framing("HTTP/1.1", fields);
      return 0;
    } catch (ProtocolException e) {
      return e.status();
    }
  }

  @Test
  void acceptsOneDecimalLengthOrChunkedOrNeither() throws ProtocolException {
    assertThat(framing("HTTP/1.1", "Host: a\r\nContent-Length: 12\r\n").contentLength()).isEqualTo(12);
    assertThat(framing("HTTP/1.1", "Host: a\r\nTransfer-Encoding: Chunked\r\n").chunked()).isTrue();
    assertThat(framing("HTTP/1.1", "Host: a\r\n").hasBody()).isFalse();
    assertThat(framing("HTTP/1.0", "").hasBody()).isFalse(); // HTTP/1.0 needs no Host
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "Content-Length: 5\r\nContent-Length: 5\r\n",
      "Content-Length: 5\r\nContent-Length: 6\r\n",
      "Content-Length: 5\r\nTransfer-Encoding: chunked\r\n",
      "Transfer-Encoding: chunked\r\nContent-Length: 5\r\n",
      "Content-Length: +5\r\n",
      "Content-Length: -5\r\n",
      "Content-Length: 0x5\r\n",
      "Content-Length: 5, 5\r\n",
      "Content-Length: \r\n",
      "Content-Length: 9999999999999999999\r\n",
      "Host: b\r\n",
  })
  void refusesFramingThatParsersCouldReadDifferentlyWith400(String fields) {
    assertThat(status("Host: a\r\n" + fields)).isEqualTo(400);
  }

  @Test
  void refusesAnHttp11RequestWithoutHost() {
    assertThat(status("Content-Length: 0\r\n")).isEqualTo(400);
  }

  @ParameterizedTest
  @ValueSource(strings = {"gzip, chunked", "chunked, identity", "identity", "chunked\r\nTransfer-Encoding: chunked"})
  void refusesTransferCodingsOtherThanChunkedWith501(String coding) {
    assertThat(status("Host: a\r\nTransfer-Encoding: " + coding + "\r\n")).isEqualTo(501);
  }

  @Test
  void refusesTransferEncodingInHttp10() {
    assertThatThrownBy(() -> framing("HTTP/1.0", "Transfer-Encoding: chunked\r\n"))
        .isInstanceOfSatisfying(ProtocolException.class, e -> assertThat(e.status()).isEqualTo(400));
  }
}
