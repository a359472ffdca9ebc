package dev.vial.server.http1;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ChunkedBodyTest {

  private static WireInput wire(String text) {
    return new WireInput(new ByteArrayInputStream(text.getBytes(StandardCharsets.ISO_8859_1)), 64);
  }

  private static String read(String text, int max) throws IOException {
    byte[] body = ChunkedBody.read(wire(text), max);
    return body == null ? null : new String(body, StandardCharsets.ISO_8859_1);
  }

  @Test
  void joinsChunksIgnoringExtensionsAndTrailers() throws IOException {
    assertThat(read("5\r\nhello\r\n1;name=value\r\n \r\nA\r\n0123456789\r\n0\r\nX-Trailer: t\r\n\r\n", 100))
        .isEqualTo("hello 0123456789");
    assertThat(read("0\r\n\r\n", 100)).isEmpty();
  }

  @Test
  void leavesTheNextPipelinedRequestInTheBuffer() throws IOException {
    WireInput in = wire("3\r\nabc\r\n0\r\n\r\nGET /next HTTP/1.1\r\n\r\n");

    assertThat(ChunkedBody.read(in, 100)).hasSize(3);
    assertThat(in.readHead(1024, () -> { }).rawPath()).isEqualTo("/next");
  }

  @Test
  void stopsAtTheLimitWithoutReadingTheRest() throws IOException {
    assertThat(read("5\r\nabcde\r\n", 4)).isNull(); // a size over the limit is enough: the data is not awaited
    assertThat(read("3\r\nabc\r\n2\r\nde\r\n", 4)).isNull();
    assertThat(read("2\r\nab\r\n2\r\ncd\r\n0\r\n\r\n", 4)).isEqualTo("abcd");
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "zz\r\nhello\r\n0\r\n\r\n",
      "5\r\nhello!\r\n0\r\n\r\n",
      "5\nhello\r\n0\r\n\r\n",
      "-5\r\nhello\r\n0\r\n\r\n",
      "123456789\r\nx\r\n",
      ";ext\r\n",
      "5 \r\nhello\r\n0\r\nX\r\n\r\n",
  })
  void refusesMalformedFramingWith400(String text) {
    assertThatThrownBy(() -> read(text, 1_000_000)).isInstanceOfSatisfying(ProtocolException.class,
        e -> assertThat(e.status()).isEqualTo(400));
  }

  @Test
  void refusesOverlongLinesAndTrailers() {
    assertThatThrownBy(() -> read("1;" + "x".repeat(ChunkedBody.MAX_LINE) + "\r\n", 100))
        .isInstanceOf(ProtocolException.class).hasMessageContaining("longer than");
    assertThatThrownBy(() -> read("0\r\n" + ("T: " + "v".repeat(1000) + "\r\n").repeat(20) + "\r\n", 100))
        .isInstanceOf(ProtocolException.class).hasMessageContaining("trailer");
  }

  @Test
  void saysWhenTheClientLeavesBeforeTheLastChunk() {
    assertThatThrownBy(() -> read("5\r\nhel", 100)).isInstanceOf(EOFException.class);
    assertThatThrownBy(() -> read("5\r\nhello\r\n", 100)).isInstanceOf(EOFException.class);
  }

  @Test
  void aMillionOneByteChunksTakeLinearTime() throws IOException {
    String text = "1\r\nx\r\n".repeat(1_000_000) + "0\r\n\r\n";

    long start = System.nanoTime();
    byte[] body = ChunkedBody.read(wire(text), 2_000_000);
    long millis = (System.nanoTime() - start) / 1_000_000;

    assertThat(body).hasSize(1_000_000);
    assertThat(millis).isLessThan(20_000); // 6 MB of framing: linear is well under a second unloaded
  }
}
