package dev.vial.server.http1;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class WireInputTest {

  private static final WireInput.Arrival IGNORE = () -> { };

  /** Hands out at most {@code step} bytes per read, as a slow or hostile client does, and counts the reads. */
  private static final class Trickle extends InputStream {
    private final byte[] bytes;
    private final int step;
    private int position;
    int reads;

    Trickle(String text, int step) {
      this.bytes = text.getBytes(StandardCharsets.ISO_8859_1);
      this.step = step;
    }

    @Override
    public int read() {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] target, int offset, int length) {
      reads++;
      if (position == bytes.length) {
        return -1;
      }
      int count = Math.min(Math.min(step, length), bytes.length - position);
      System.arraycopy(bytes, position, target, offset, count);
      position += count;
      return count;
    }
  }

  @Test
  void readsPipelinedRequestsAndTheirBodiesFromOneBuffer() throws IOException {
    WireInput in = new WireInput(new ByteArrayInputStream(
        "POST /a HTTP/1.1\r\nHost: t\r\nContent-Length: 5\r\n\r\nhelloGET /b HTTP/1.1\r\nHost: t\r\n\r\n"
            .getBytes(StandardCharsets.ISO_8859_1)), 64);

    RequestHead first = in.readHead(1024, IGNORE);
    assertThat(new String(in.readFully(5), StandardCharsets.ISO_8859_1)).isEqualTo("hello");
    assertThat(in.hasBuffered()).isTrue();
    RequestHead second = in.readHead(1024, IGNORE);

    assertThat(first.rawPath()).isEqualTo("/a");
    assertThat(second.rawPath()).isEqualTo("/b");
    assertThat(in.readHead(1024, IGNORE)).isNull();
  }

  @Test
  void readsAHeadThatArrivesOneByteAtATimeAndSaysWhenItStarted() throws IOException {
    AtomicInteger arrivals = new AtomicInteger();
    WireInput in = new WireInput(new Trickle("\r\nGET /slow HTTP/1.1\r\nHost: t\r\n\r\n", 1), 16);

    assertThat(in.readHead(1024, arrivals::incrementAndGet).rawPath()).isEqualTo("/slow");
    assertThat(arrivals).hasValue(1);
  }

  @Test
  void refusesAHeadOverTheLimitWith431BeforeItEnds() {
    WireInput in = new WireInput(new Trickle("GET / HTTP/1.1\r\nX: " + "a".repeat(10_000), 100), 256);

    assertThatThrownBy(() -> in.readHead(2048, IGNORE)).isInstanceOfSatisfying(ProtocolException.class,
        e -> assertThat(e.status()).isEqualTo(431));
  }

  @Test
  void saysWhenTheClientClosesInTheMiddleOfAHeadOrBody() throws IOException {
    assertThatThrownBy(() -> new WireInput(new Trickle("GET / HTTP/1.1\r\nHo", 4), 64).readHead(1024, IGNORE))
        .isInstanceOf(EOFException.class);
    WireInput in = new WireInput(new Trickle("POST / HTTP/1.1\r\nHost: t\r\n\r\nhel", 64), 64);
    in.readHead(1024, IGNORE);
    assertThatThrownBy(() -> in.readFully(5)).isInstanceOf(EOFException.class).hasMessageContaining("3 of 5");
  }

  @Test
  void aHugeHeadDribbledOneByteAtATimeTakesLinearTime() {
    // 2 MB of fields in 2 million one-byte reads. Scanning from the head's start after every read would
    // be 2e12 steps (hours); looking at each byte once takes well under a second unloaded.
    String head = "GET / HTTP/1.1\r\n" + "X-Field: value\r\n".repeat(125_000) + "\r\n";
    Trickle trickle = new Trickle(head, 1);
    WireInput in = new WireInput(trickle, 64);

    long start = System.nanoTime();
    assertThatThrownBy(() -> in.readHead(4 * 1024 * 1024, IGNORE)).isInstanceOfSatisfying(ProtocolException.class,
        e -> assertThat(e.status()).isEqualTo(431)); // within the size limit, over the field count
    long millis = (System.nanoTime() - start) / 1_000_000;

    assertThat(trickle.reads).isEqualTo(head.length());
    assertThat(millis).isLessThan(20_000);
  }
}
