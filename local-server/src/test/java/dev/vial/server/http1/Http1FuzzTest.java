package dev.vial.server.http1;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;

/**
 * The server's parsers of untrusted bytes under Jazzer (see scripts/fuzz.sh); without JAZZER_FUZZ they
 * replay the committed seeds in src/test/resources/dev/vial/server/http1/Http1FuzzTestInputs.
 */
class Http1FuzzTest {

  private static final int MAX_HEAD = 4096;

  /**
   * Any bytes on a connection: a sequence of heads that each stay within the limit and have a path, then
   * the end of the stream; or a refusal with a 4xx/5xx status the server answers; or the client cut off
   * mid-head. Never another exception, and the framing decision is a refusal or a sane length.
   */
  @FuzzTest
  void anyBytesYieldHeadsOrARefusalWithAStatus(byte[] wire) {
    WireInput in = new WireInput(new ByteArrayInputStream(wire), 64);
    try {
      for (RequestHead head = in.readHead(MAX_HEAD, () -> { }); head != null; head = in.readHead(MAX_HEAD, () -> { })) {
        assertThat(head.method()).isNotEmpty();
        assertThat(head.rawPath()).satisfiesAnyOf(path -> assertThat(path).startsWith("/"),
            path -> assertThat(path).isEqualTo("*"));
        assertThat(head.headers().size()).isLessThanOrEqualTo(HeadParser.MAX_FIELDS);
        BodyFraming framing = BodyFraming.of(head);
        assertThat(framing.contentLength()).isGreaterThanOrEqualTo(-1);
        byte[] body = framing.read(in, 1024);
        if (body == null) {
          return; // over the limit: the server answers 413 and closes
        }
        assertThat(body.length).isLessThanOrEqualTo(1024);
      }
    } catch (ProtocolException refused) {
      assertThat(refused.status()).isIn(400, 413, 431, 501, 505);
      assertThat(refused.getMessage()).isNotBlank();
    } catch (EOFException cutShort) {
      // the client closed in the middle of a head or body: the connection ends without an answer
    } catch (IOException unexpected) {
      throw new AssertionError(unexpected);
    }
  }

  /** Any bytes after a chunked head: the body within the limit, null (413), a 400, or a cut-off client. */
  @FuzzTest
  void anyChunkedBodyIsReadWithinTheLimitOrRefused(byte[] wire) {
    WireInput in = new WireInput(new ByteArrayInputStream(wire), 64);
    try {
      byte[] body = ChunkedBody.read(in, 512);
      if (body != null) {
        assertThat(body.length).isLessThanOrEqualTo(512);
      }
    } catch (ProtocolException refused) {
      assertThat(refused.status()).isEqualTo(400);
    } catch (EOFException cutShort) {
      // the client left before the last chunk
    } catch (IOException unexpected) {
      throw new AssertionError(unexpected);
    }
  }
}
