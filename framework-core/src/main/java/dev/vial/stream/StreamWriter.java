package dev.vial.stream;

import dev.vial.HttpException;
import dev.vial.Response;
import dev.vial.Responses;
import java.io.IOException;
import java.io.OutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * For front doors: sends a streaming {@link Response} as its body is written ({@link #write}), or collects
 * it into an ordinary response for a front door that can only send whole bodies ({@link #collect}).
 */
public final class StreamWriter {

  private static final Logger log = LoggerFactory.getLogger(StreamWriter.class);

  /** What a front door does with a response: start a stream, or send a whole one. */
  public interface Exchange {

    /** Sends the status and headers of {@code head} and returns where its body goes; {@code flush()} must reach the client. */
    OutputStream begin(Response head) throws IOException;

    /** Sends {@code answer}, a response with a byte body, as the front door sends any other. */
    void sendWhole(Response answer) throws IOException;
  }

  private StreamWriter() {}

  /**
   * Runs the streaming body of {@code response}. Nothing is sent until the body first flushes (or returns):
   * if it fails before, {@code exchange} sends the app's error answer ({@link Response#failureAnswer}) instead.
   * Returns the number of body bytes sent. The caller finishes the stream (e.g. the last chunk) afterwards.
   *
   * @throws StreamAbortedException the body failed after its first byte; the caller must cut the response
   * @throws IOException the client went away (writing to it failed); the body saw the same exception
   */
  public static long write(Response response, Exchange exchange) throws IOException {
    if (!response.isStreaming()) {
      throw new IllegalArgumentException("Not a streaming response: " + response);
    }
    DeferredOutput out = new DeferredOutput(response, exchange);
    try {
      response.streamingBody().writeTo(out);
      out.flush();
      return out.sent();
    } catch (Throwable failure) {
      if (out.sinkFailure() != null) {
        Thread.interrupted(); // a heartbeat may have interrupted this thread when it noticed the client left
        throw out.sinkFailure();
      }
      if (out.committed()) {
        throw new StreamAbortedException(out.sent(), failure);
      }
      exchange.sendWhole(wholeAnswer(response, failure));
      return -1;
    }
  }

  /**
   * {@code response} with its streaming body run and collected, for a front door that sends whole bodies;
   * a response that is not streaming is returned as it is. A body over {@code maxBytes} becomes a 500 (through
   * the app's error handlers, with a message naming the limit); a failing body, the app's error answer.
   */
  public static Response collect(Response response, int maxBytes) {
    if (!response.isStreaming()) {
      return response;
    }
    BoundedBuffer buffer = new BoundedBuffer(maxBytes);
    try {
      response.streamingBody().writeTo(buffer);
    } catch (Throwable failure) {
      if (buffer.overflowed) {
        String message = "Streamed response exceeds the limit of " + maxBytes + " bytes";
        log.error("{}; answering 500 instead", message);
        return wholeAnswer(response, new HttpException(500, message));
      }
      return wholeAnswer(response, failure);
    }
    String type = response.contentType();
    return response.withBody(buffer.toByteArray(), type != null ? type : "application/octet-stream");
  }

  /** The app's error answer for a failed body; a bare 500 when that answer would stream too. */
  private static Response wholeAnswer(Response response, Throwable failure) {
    Response answer = response.failureAnswer(failure);
    // an error handler that streams its answer would need this treatment again: keep failure handling finite
    return answer.isStreaming() ? Responses.error(500, "Internal Server Error") : answer;
  }
}
