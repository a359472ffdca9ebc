package dev.vial.server.http1;

import dev.vial.Headers;
import dev.vial.Response;
import dev.vial.stream.StreamWriter;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes a Vial {@link Response} as an HTTP/1.1 response. Framing is the server's: the app's
 * {@code Content-Length} is replaced by the real body length (kept for {@code HEAD} and 304, which
 * have no body), dropped for 1xx and 204; its {@code Transfer-Encoding} and {@code Connection} are
 * dropped and the server's written instead. Every response gets a {@code Date} and the given request
 * id field unless the app set its own. A streaming response ({@link Response#isStreaming()}) goes out
 * chunked to HTTP/1.1 clients, each flush at once, and unframed (ended by closing) to HTTP/1.0 ones.
 */
public final class ResponseWriter {

  private final WireOutput out;
  private final HttpDate date;
  private final Runnable progress;

  /** Writes to {@code out}; {@code progress} runs whenever a streamed chunk has left. */
  public ResponseWriter(WireOutput out, HttpDate date, Runnable progress) {
    this.out = out;
    this.date = date;
    this.progress = progress;
  }

  /**
   * Sends {@code response} to {@code request}; returns the number of body bytes sent.
   *
   * @param keepAlive whether the connection stays open afterwards (otherwise {@code Connection: close} is sent)
   * @param idName the name of the request id field, e.g. {@code X-Request-Id}
   * @param idValue its value, sent unless the response has its own
   * @throws dev.vial.stream.StreamAbortedException a streaming body failed after its first byte:
   *     the caller must cut the connection so the client sees an incomplete response
   */
  public long write(RequestHead request, Response response, boolean keepAlive, String idName, String idValue)
      throws IOException {
    if (response.isStreaming()) {
      int status = response.status();
      if (request.method().equals("HEAD") || status < 200 || status == 204 || status == 304) {
        return writeWhole(request, response.withoutBody(), keepAlive, idName, idValue);
      }
      Stream stream = new Stream(request, keepAlive, idName, idValue);
      long sent = StreamWriter.write(response, stream);
      if (sent < 0) {
        return stream.wholeBytes;
      }
      stream.finish();
      return sent;
    }
    return writeWhole(request, response, keepAlive, idName, idValue);
  }

  /** Whether the app asks to close the connection after {@code response} ({@code Connection: close}). */
  public static boolean asksToClose(Response response) {
    String connection = response.header("Connection");
    return connection != null && Tokens.containsToken(connection, "close");
  }

  /** Tells a client waiting with {@code Expect: 100-continue} to send its body. */
  public void sendContinue() throws IOException {
    out.statusLine(100).endHead();
    out.flush();
  }

  private long writeWhole(RequestHead request, Response response, boolean keepAlive, String idName, String idValue)
      throws IOException {
    int status = response.status();
    String declaredLength = head(response, keepAlive, request.http10(), idName, idValue);
    boolean informationalOrNoContent = status < 200 || status == 204;
    if (request.method().equals("HEAD") || status == 304 || informationalOrNoContent) {
      if (declaredLength != null && !informationalOrNoContent) {
        out.field("Content-Length", declaredLength); // how long the body would be
      }
      out.endHead();
      out.flush();
      return 0;
    }
    byte[] body = response.body();
    out.field("Content-Length", body.length).endHead();
    out.body(body, 0, body.length);
    out.flush();
    return body.length;
  }

  /** Writes the status line and fields but not the framing; returns the app's Content-Length, if any. */
  private String head(Response response, boolean keepAlive, boolean http10, String idName, String idValue) {
    out.statusLine(response.status());
    Headers fields = response.headers();
    String declaredLength = null;
    boolean ownId = false;
    boolean ownDate = false;
    for (int i = 0; i < fields.size(); i++) {
      String name = fields.name(i);
      if (name.equalsIgnoreCase("Content-Length")) {
        if (declaredLength == null) {
          declaredLength = fields.value(i);
        }
        continue;
      }
      if (name.equalsIgnoreCase("Transfer-Encoding") || name.equalsIgnoreCase("Connection")) {
        continue;
      }
      ownId |= name.equalsIgnoreCase(idName);
      ownDate |= name.equalsIgnoreCase("Date");
      out.field(name, fields.value(i));
    }
    if (!ownId) {
      out.field(idName, idValue);
    }
    if (!ownDate) {
      out.field("Date", date.now());
    }
    if (!keepAlive) {
      out.field("Connection", "close");
    } else if (http10) {
      out.field("Connection", "keep-alive");
    }
    return declaredLength;
  }

  /** A streaming response in progress: its head goes out on the first flush of the body. */
  private final class Stream implements StreamWriter.Exchange {
    private final RequestHead request;
    private final boolean keepAlive;
    private final String idName;
    private final String idValue;
    private ChunkedOutput chunks;
    private long wholeBytes;

    Stream(RequestHead request, boolean keepAlive, String idName, String idValue) {
      this.request = request;
      this.keepAlive = keepAlive;
      this.idName = idName;
      this.idValue = idValue;
    }

    @Override
    public OutputStream begin(Response head) throws IOException {
      if (request.http10()) {
        head(head, false, true, idName, idValue); // HTTP/1.0 knows no chunks: the body ends when the connection does
        out.endHead();
        out.flush();
        return new Unframed(out, progress);
      }
      head(head, keepAlive, false, idName, idValue);
      out.field("Transfer-Encoding", "chunked").endHead();
      out.flush();
      chunks = new ChunkedOutput(out, progress);
      return chunks;
    }

    @Override
    public void sendWhole(Response answer) throws IOException {
      wholeBytes = writeWhole(request, answer, keepAlive, idName, idValue);
    }

    void finish() throws IOException {
      if (chunks != null) {
        chunks.finish();
      }
    }
  }

  /** An HTTP/1.0 streaming body: bytes as they are written, each flush sent at once. */
  private static final class Unframed extends OutputStream {
    private final WireOutput wire;
    private final Runnable progress;

    Unframed(WireOutput wire, Runnable progress) {
      this.wire = wire;
      this.progress = progress;
    }

    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
      wire.body(bytes, offset, length);
    }

    @Override
    public void flush() throws IOException {
      wire.flush();
      progress.run();
    }
  }
}
