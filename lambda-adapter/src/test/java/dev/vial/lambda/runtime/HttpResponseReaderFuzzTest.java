package dev.vial.lambda.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;

class HttpResponseReaderFuzzTest {

  /**
   * Any bytes from the Runtime API: a response with a three-digit status and a body within the limit, or an
   * {@link IOException} (malformed, over a limit, or cut short); nothing else, and never more than the input read.
   */
  @FuzzTest
  void anyBytesYieldAResponseOrAnIOException(byte[] wire) {
    ByteArrayInputStream in = new ByteArrayInputStream(wire);
    try {
      HttpResponseReader.RawResponse response = HttpResponseReader.read(in, 4096);
      assertThat(response.status()).isBetween(0, 999);
      assertThat(response.body().length).isLessThanOrEqualTo(4096);
      assertThat(response.headers().keySet()).allSatisfy(name -> assertThat(name).isLowerCase().isNotEmpty());
    } catch (IOException expected) {
      // malformed, oversized or truncated: the loop reports it and reconnects
    }
  }
}
