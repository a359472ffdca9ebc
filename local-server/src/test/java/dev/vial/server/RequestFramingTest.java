package dev.vial.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.Headers;
import org.junit.jupiter.api.Test;

/** The framing checks on their own, for JDKs whose parser lets ambiguous framing through. */
class RequestFramingTest {

  private static Headers of(String... namesAndValues) {
    Headers headers = new Headers();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      headers.add(namesAndValues[i], namesAndValues[i + 1]);
    }
    return headers;
  }

  @Test
  void acceptsOneDecimalLengthOrChunkedOrNeither() {
    assertThat(RequestFraming.problem(of("Content-Length", "12", "Host", "a"))).isNull();
    assertThat(RequestFraming.problem(of("Content-Length", " 0 "))).isNull();
    assertThat(RequestFraming.problem(of("Transfer-Encoding", "chunked"))).isNull();
    assertThat(RequestFraming.problem(of())).isNull();
  }

  @Test
  void refusesTwoLengthsEvenWhenEqual() {
    assertThat(RequestFraming.problem(of("Content-Length", "5", "Content-Length", "5")))
        .isEqualTo("Request has more than one Content-Length header");
  }

  @Test
  void refusesALengthNextToTransferEncoding() {
    assertThat(RequestFraming.problem(of("Transfer-Encoding", "chunked", "Content-Length", "5")))
        .isEqualTo("Request has both Content-Length and Transfer-Encoding");
  }

  @Test
  void refusesLengthsThatAreNotPlainDigits() {
    for (String length : new String[] {"+5", "-5", "5,5", "0x5", "", "1e3", "1234567890123456789"}) {
      assertThat(RequestFraming.problem(of("Content-Length", length))).as(length)
          .isEqualTo("Content-Length must be a decimal number of bytes");
    }
  }

  @Test
  void refusesTwoHosts() {
    assertThat(RequestFraming.problem(of("Host", "a", "Host", "b"))).isEqualTo("Request has more than one Host header");
  }
}
