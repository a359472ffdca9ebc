package dev.vial.lambda.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ChunkedOutputTest {

  private final ByteArrayOutputStream wire = new ByteArrayOutputStream();

  private String wire() {
    return wire.toString(StandardCharsets.ISO_8859_1);
  }

  @Test
  void eachFlushIsOneChunk() throws IOException {
    ChunkedOutput out = new ChunkedOutput(wire, 64);
    out.write("hello".getBytes(StandardCharsets.UTF_8));
    out.flush();
    out.flush();
    out.write('!');
    out.finish();

    assertThat(wire()).isEqualTo("5\r\nhello\r\n1\r\n!\r\n0\r\n\r\n");
  }

  @Test
  void aFullBufferGoesOutAsAChunk() throws IOException {
    ChunkedOutput out = new ChunkedOutput(wire, 4);
    out.write("abcdefghij".getBytes(StandardCharsets.UTF_8));
    out.finish();

    assertThat(wire()).isEqualTo("4\r\nabcd\r\n4\r\nefgh\r\n2\r\nij\r\n0\r\n\r\n");
    assertThat(out.written()).isEqualTo(10);
  }

  @Test
  void endsWithTrailersWhenGiven() throws IOException {
    ChunkedOutput out = new ChunkedOutput(wire, 64);
    out.write('x');
    out.finish("Lambda-Runtime-Function-Error-Type", "java.lang.IllegalStateException",
        "Lambda-Runtime-Function-Error-Body", "eyJ9");

    assertThat(wire()).isEqualTo("1\r\nx\r\n0\r\nLambda-Runtime-Function-Error-Type: java.lang.IllegalStateException\r\n"
        + "Lambda-Runtime-Function-Error-Body: eyJ9\r\n\r\n");
  }

  @Test
  void refusesWritesAfterTheEnd() throws IOException {
    ChunkedOutput out = new ChunkedOutput(wire, 64);
    out.finish();

    assertThatThrownBy(() -> out.write('x')).isInstanceOf(IOException.class);
  }
}
