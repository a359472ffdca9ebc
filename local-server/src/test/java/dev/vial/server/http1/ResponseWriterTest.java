package dev.vial.server.http1;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vial.Headers;
import dev.vial.Response;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ResponseWriterTest {

  private final ByteArrayOutputStream wire = new ByteArrayOutputStream();
  private final ResponseWriter writer = new ResponseWriter(new WireOutput(wire), new HttpDate(), () -> { });

  private static RequestHead request(String method, boolean http10) {
    return new RequestHead(method, "/", "/", null, http10, Headers.empty());
  }

  private String written() {
    return wire.toString(StandardCharsets.ISO_8859_1);
  }

  @Test
  void writesStatusFieldsIdDateAndTheRealLengthThenTheBody() throws IOException {
    Response response = Response.of(201).withBody("hi".getBytes(StandardCharsets.UTF_8), "text/plain")
        .withHeader("Content-Length", "99").withHeader("Transfer-Encoding", "gzip").withHeader("Connection", "x");

    long sent = writer.write(request("GET", false), response, true, "X-Request-Id", "abc");

    assertThat(sent).isEqualTo(2);
    assertThat(written()).startsWith("HTTP/1.1 201 Created\r\nContent-Type: text/plain\r\nX-Request-Id: abc\r\nDate: ")
        .endsWith(" GMT\r\nContent-Length: 2\r\n\r\nhi")
        .doesNotContain("99", "gzip", "Connection");
  }

  @Test
  void keepsTheAppsOwnRequestIdAndDate() throws IOException {
    Response response = Response.of(200).withHeader("x-request-id", "mine").withHeader("Date", "then");

    writer.write(request("GET", false), response, true, "X-Request-Id", "abc");

    assertThat(written()).contains("x-request-id: mine\r\n", "Date: then\r\n").doesNotContain("abc");
  }

  @Test
  void saysWhenTheConnectionClosesOrStaysOpenForHttp10() throws IOException {
    writer.write(request("GET", false), Response.of(200), false, "X-Request-Id", "a");
    assertThat(written()).contains("Connection: close\r\n");
    wire.reset();
    writer.write(request("GET", true), Response.of(200), true, "X-Request-Id", "a");
    assertThat(written()).contains("Connection: keep-alive\r\n");
  }

  @Test
  void sendsNoBodyForHeadOr304ButTheLengthItWouldHave() throws IOException {
    Response response = Response.of(200).withBody("hello".getBytes(StandardCharsets.UTF_8), "text/plain")
        .withHeader("Content-Length", "5");

    assertThat(writer.write(request("HEAD", false), response, true, "X-Request-Id", "a")).isZero();
    assertThat(written()).endsWith("Content-Length: 5\r\n\r\n");
    wire.reset();
    writer.write(request("GET", false), Response.of(204).withHeader("Content-Length", "5"), true, "X-Request-Id", "a");
    assertThat(written()).doesNotContain("Content-Length").endsWith("\r\n\r\n");
  }

  @Test
  void givesAStatusWithoutAKnownReasonAnEmptyPhrase() throws IOException {
    writer.write(request("GET", false), Response.of(299), true, "X-Request-Id", "a");

    assertThat(written()).startsWith("HTTP/1.1 299 \r\n");
  }

  @Test
  void refusesAFieldThatWouldSplitTheResponse() {
    WireOutput out = new WireOutput(wire);
    out.statusLine(200);

    assertThatThrownBy(() -> out.field("X", "a\r\nSet-Cookie: x=1")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> out.field("X Y", "a")).isInstanceOf(IllegalArgumentException.class);
    assertThat(wire.size()).isZero();
  }

  @Test
  void readsTheAppsWishToCloseFromItsConnectionField() {
    assertThat(ResponseWriter.asksToClose(Response.of(200).withHeader("Connection", "Upgrade, Close"))).isTrue();
    assertThat(ResponseWriter.asksToClose(Response.of(200).withHeader("Connection", "closed"))).isFalse();
    assertThat(ResponseWriter.asksToClose(Response.of(200))).isFalse();
  }

  @Test
  void sendsContinueAsABareInterimResponse() throws IOException {
    writer.sendContinue();

    assertThat(written()).isEqualTo("HTTP/1.1 100 Continue\r\n\r\n");
  }

  @Test
  void formatsTheDateAsImfFixdateWithATwoDigitDay() {
    assertThat(new HttpDate().now()).matches("[A-Z][a-z]{2}, \\d{2} [A-Z][a-z]{2} \\d{4} \\d{2}:\\d{2}:\\d{2} GMT");
  }
}
