package dev.vial;

import java.io.OutputStream;

/**
 * A response body written while it is produced ({@link Responses#stream}). The front door calls
 * {@link #writeTo} once, after the status and headers are decided:
 *
 * <pre>{@code
 * app.get("/numbers", req -> Responses.stream("text/plain; charset=utf-8", out -> {
 *   for (int i = 1; i <= 3; i++) {
 *     out.write(("line " + i + "\n").getBytes(StandardCharsets.UTF_8));
 *     out.flush(); // goes to the client now
 *     Thread.sleep(1000);
 *   }
 * }));
 * }</pre>
 *
 * <p>Contract: every {@code flush()} sends what was written so far to the client at once (locally one
 * HTTP chunk; on a streaming Lambda Function URL one part of the response stream); the stream must not be
 * closed by the body (the front door finishes it). A client that went away makes {@code write}/{@code flush}
 * throw an {@link java.io.IOException}: let it propagate. An exception thrown before the first byte left
 * becomes the app's normal error answer; one thrown after cuts the response so the client sees an error, not
 * a truncated success. On buffered front doors (API Gateway, ALB, a buffered Function URL) the bytes are
 * collected and sent as one response, within that front door's size limit.
 */
@FunctionalInterface
public interface StreamingBody {

  /** Writes the body to {@code out}, flushing whenever the client should see what was written. */
  void writeTo(OutputStream out) throws Exception;
}
