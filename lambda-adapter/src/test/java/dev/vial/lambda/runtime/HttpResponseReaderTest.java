package dev.vial.lambda.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.ProtocolException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HttpResponseReaderTest {

  private static HttpResponseReader.RawResponse read(String wire) throws IOException {
    return HttpResponseReader.read(new ByteArrayInputStream(wire.getBytes(StandardCharsets.ISO_8859_1)), 1000);
  }

  @Test
  void readsAnEventWithItsHeadersAndContentLengthBody() throws IOException {
    HttpResponseReader.RawResponse response = read("HTTP/1.1 200 OK\r\n"
        + "Content-Type: application/json\r\n"
        + "Lambda-Runtime-Aws-Request-Id: 8476a536\r\n"
        + "Lambda-Runtime-Deadline-Ms: 1542409706888\r\n"
        + "Content-Length: 2\r\n\r\n{}");

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.header("lambda-runtime-aws-request-id")).isEqualTo("8476a536");
    assertThat(response.header("LAMBDA-RUNTIME-DEADLINE-MS")).isEqualTo("1542409706888");
    assertThat(response.bodyText()).isEqualTo("{}");
  }

  @Test
  void readsAChunkedBodyWithExtensionsAndTrailers() throws IOException {
    HttpResponseReader.RawResponse response = read("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
        + "3;ext=1\r\nabc\r\n1\r\nd\r\n0\r\nX-Trailer: t\r\n\r\n");

    assertThat(response.bodyText()).isEqualTo("abcd");
  }

  @Test
  void leavesTheNextResponseOnTheConnectionUnread() throws IOException {
    InputStream wire = new ByteArrayInputStream(("HTTP/1.1 202 Accepted\r\nContent-Length: 2\r\n\r\nokHTTP/1.1 202 Accepted\r\n"
        + "Content-Length: 0\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));

    assertThat(HttpResponseReader.read(wire, 100).bodyText()).isEqualTo("ok");
    assertThat(HttpResponseReader.read(wire, 100).status()).isEqualTo(202);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "HTTP/2 200 OK\r\n\r\n",
      "HTTP/1.1 2x0 OK\r\nContent-Length: 0\r\n\r\n",
      "HTTP/1.1 200 OK\r\nno colon here\r\n\r\n",
      "HTTP/1.1 200 OK\r\n : v\r\n\r\n",
      "HTTP/1.1 200 OK\r\nContent-Length: -1\r\n\r\n",
      "HTTP/1.1 200 OK\r\nContent-Length: 99999999999\r\n\r\n",
      "HTTP/1.1 200 OK\r\nContent-Length: 1001\r\n\r\n",
      "HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip\r\n\r\n",
      "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n",
      "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n123456789\r\n",
      "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nabc\r\n0\r\n\r\n",
      "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3e9\r\n",
      "HTTP/1.1 200 OK\r\n\r\n"})
  void refusesMalformedOrOversizedResponses(String wire) {
    assertThatThrownBy(() -> read(wire)).isInstanceOf(ProtocolException.class).hasMessageContaining("Runtime API");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "HTTP/1.1 200 OK\r\nContent-Le", "HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nab",
      "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nab"})
  void reportsAConnectionThatEndsEarly(String wire) {
    assertThatThrownBy(() -> read(wire)).isInstanceOf(EOFException.class);
  }

  @Test
  void refusesAnEndlessHeadAfterItsLimitWithoutReadingFurther() {
    CountingStream endless = new CountingStream("HTTP/1.1 200 OK\r\nX: ", 'a', 100_000_000);

    assertThatThrownBy(() -> HttpResponseReader.read(endless, 1000)).isInstanceOf(ProtocolException.class)
        .hasMessageContaining("limit");
    assertThat(endless.consumed).isLessThanOrEqualTo(HttpResponseReader.MAX_HEAD_BYTES + 100);
  }

  @Test
  void refusesEndlessHeaderFieldsAfterItsLimit() {
    CountingStream endless = new CountingStream("HTTP/1.1 200 OK\r\n", "X: 1\r\n", 100_000_000);

    assertThatThrownBy(() -> HttpResponseReader.read(endless, 1000)).isInstanceOf(ProtocolException.class);
    assertThat(endless.consumed).isLessThanOrEqualTo(HttpResponseReader.MAX_HEAD_BYTES + 100);
  }

  @Test
  void staysLinearOnAMillionOneByteChunks() throws IOException {
    StringBuilder wire = new StringBuilder("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n");
    wire.append("1\r\nx\r\n".repeat(1_000_000)).append("0\r\n\r\n");
    InputStream in = new java.io.BufferedInputStream(
        new ByteArrayInputStream(wire.toString().getBytes(StandardCharsets.ISO_8859_1)));

    long start = System.nanoTime();
    HttpResponseReader.RawResponse response = HttpResponseReader.read(in, 2_000_000);
    long millis = (System.nanoTime() - start) / 1_000_000;

    assertThat(response.body()).hasSize(1_000_000);
    // 6 MB of framing: quadratic work would take minutes, linear takes well under a second unloaded
    assertThat(millis).isLessThan(20_000);
  }

  /** A prefix, then a filler repeated up to a length; counts what was read. */
  static final class CountingStream extends InputStream {
    private final byte[] prefix;
    private final byte[] filler;
    private final long length;
    long consumed;

    CountingStream(String prefix, char filler, long length) {
      this(prefix, String.valueOf(filler), length);
    }

    CountingStream(String prefix, String filler, long length) {
      this.prefix = prefix.getBytes(StandardCharsets.ISO_8859_1);
      this.filler = filler.getBytes(StandardCharsets.ISO_8859_1);
      this.length = length;
    }

    @Override
    public int read() {
      if (consumed >= length) {
        return -1;
      }
      long i = consumed++;
      return i < prefix.length ? prefix[(int) i] : filler[(int) ((i - prefix.length) % filler.length)];
    }
  }
}
