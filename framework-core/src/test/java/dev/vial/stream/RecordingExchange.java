package dev.vial.stream;

import dev.vial.Response;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** A front door that records what it was asked to send; its stream can be made to fail like a departed client. */
final class RecordingExchange implements StreamWriter.Exchange {

  Response head;
  Response whole;
  final ByteArrayOutputStream body = new ByteArrayOutputStream();
  final List<String> flushedParts = new ArrayList<>();
  int failAfterFlushes = -1;
  private int flushes;

  @Override
  public OutputStream begin(Response head) {
    this.head = head;
    return new OutputStream() {
      private int mark;

      @Override
      public void write(int b) throws IOException {
        checkAlive();
        body.write(b);
      }

      @Override
      public void write(byte[] bytes, int offset, int length) throws IOException {
        checkAlive();
        body.write(bytes, offset, length);
      }

      @Override
      public void flush() throws IOException {
        checkAlive();
        flushes++;
        byte[] all = body.toByteArray();
        flushedParts.add(new String(all, mark, all.length - mark, StandardCharsets.UTF_8));
        mark = all.length;
      }
    };
  }

  @Override
  public void sendWhole(Response answer) {
    this.whole = answer;
  }

  String bodyText() {
    return body.toString(StandardCharsets.UTF_8);
  }

  private void checkAlive() throws IOException {
    if (failAfterFlushes >= 0 && flushes >= failAfterFlushes) {
      throw new IOException("Broken pipe");
    }
  }
}
