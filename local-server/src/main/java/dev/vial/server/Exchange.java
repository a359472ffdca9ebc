package dev.vial.server;

import dev.vial.App;
import dev.vial.HttpException;
import dev.vial.Request;
import dev.vial.Response;
import dev.vial.Responses;
import dev.vial.server.http1.BodyFraming;
import dev.vial.server.http1.ProtocolException;
import dev.vial.server.http1.RequestHead;
import dev.vial.server.http1.ResponseWriter;
import dev.vial.server.http1.WireInput;
import dev.vial.stream.StreamAbortedException;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Serves one request on a connection: decides how its body is framed, reads the body, asks the
 * {@link App}, writes the answer and its access line. Shared by every connection of a server.
 *
 * <p>What it guarantees:
 * <ul>
 *   <li>A body over {@link ServerOptions#maxBodyBytes()} is answered 413 without reading it when its
 *       {@code Content-Length} says so (and without {@code 100 Continue}), or as soon as a chunked body
 *       crosses the limit. A request whose framing parsers could disagree on ({@link BodyFraming}) is
 *       answered 400 (501 for a transfer coding other than chunked). These answers go through
 *       {@link App#reject}, so the app's error handlers apply, and close the connection.
 *   <li>{@code Expect: 100-continue} is answered just before the body is read, once it is accepted.
 *   <li>Every request has an id ({@link RequestIds}): in the MDC while the app runs, in the access
 *       line, and sent back as {@code X-Request-Id}.
 *   <li>A client that goes away costs one DEBUG line ({@code Connection lost during GET /x}) and frees its thread.
 *   <li>A streaming response whose body fails after its first byte is logged and its connection cut
 *       without the last chunk, so the client sees an error.
 * </ul>
 */
final class Exchange {

  /** What an exchange needs of the connection it runs on. */
  interface Peer {
    /** The client's address, e.g. {@code 127.0.0.1}. */
    String remoteAddress();

    /** The request has been read: the response timeout runs from now. */
    void responding();

    /** Takes an idle place for the wait after this response; false when the server keeps no more idle connections. */
    boolean reserveIdlePlace();
  }

  private static final Logger log = LoggerFactory.getLogger(Exchange.class);

  private final App app;
  private final int maxBodyBytes;
  private final InFlight inFlight;
  private final HandlerSlots slots;
  private final AccessLog accessLog;
  private final Connections connections;

  Exchange(App app, ServerOptions options, InFlight inFlight, AccessLog accessLog, Connections connections) {
    this.app = app;
    this.maxBodyBytes = options.maxBodyBytes();
    this.inFlight = inFlight;
    this.slots = HandlerSlots.of(options);
    this.accessLog = accessLog;
    this.connections = connections;
  }

  /** Answers the request of {@code head}; returns whether the connection may carry another request. */
  boolean serve(RequestHead head, WireInput in, ResponseWriter writer, Peer connection) {
    long start = System.nanoTime();
    inFlight.begin();
    String requestId = RequestIds.of(head.headers().first(RequestIds.HEADER));
    MDC.put(RequestIds.MDC_KEY, requestId);
    try {
      Request.Builder request = Request.builder(head.method(), head.rawPath())
          .rawQuery(head.rawQuery())
          .headers(head.headers())
          .remoteAddress(connection.remoteAddress());
      Response response;
      boolean refused = true;
      try {
        BodyFraming framing = BodyFraming.of(head);
        if (framing.contentLength() > maxBodyBytes) {
          response = tooLarge(request);
        } else {
          if (framing.hasBody() && head.expectsContinue()) {
            writer.sendContinue();
          }
          byte[] body = framing.read(in, maxBodyBytes);
          if (body == null) {
            response = tooLarge(request);
          } else {
            connection.responding();
            response = handle(request.body(body).build());
            refused = false;
          }
        }
      } catch (ProtocolException e) {
        response = refuse(request, e.status(), e.getMessage());
      }
      boolean keepAlive = !refused && head.wantsKeepAlive() && !connections.stopping()
          && !ResponseWriter.asksToClose(response) && !(response.isStreaming() && head.http10())
          && connection.reserveIdlePlace();
      long sent = writer.write(head, response, keepAlive, RequestIds.HEADER, requestId);
      accessLog.record(head.method(), head.rawPath(), head.rawQuery(), response.status(), sent, start, requestId);
      return keepAlive;
    } catch (StreamAbortedException e) {
      log.error("Streamed response to {} {} failed after its first byte; cutting the connection", head.method(),
          head.rawPath(), e.getCause());
      return false;
    } catch (IOException e) {
      log.debug("Connection lost during {} {}: {}", head.method(), head.rawPath(), e.toString());
      return false;
    } finally {
      MDC.remove(RequestIds.MDC_KEY);
      inFlight.end();
    }
  }

  private Response handle(Request request) {
    try {
      slots.acquire(); // only the handler is bounded: the head and body were read without a slot
    } catch (InterruptedException stopping) {
      Thread.currentThread().interrupt();
      return Responses.error(503, "Service Unavailable");
    }
    try {
      return app.handle(request);
    } catch (RuntimeException | Error e) {
      // App.handle promises never to throw; should a bug break that promise, the client still gets an answer.
      log.error("App failed to answer {} {}", request.method(), request.rawPath(), e);
      return Responses.error(500, "Internal Server Error");
    } finally {
      slots.release();
    }
  }

  private Response tooLarge(Request.Builder request) {
    return refuse(request, 413, "Request body is larger than the limit of " + maxBodyBytes + " bytes");
  }

  private Response refuse(Request.Builder request, int status, String message) {
    return app.reject(request.build(), new HttpException(status, message));
  }
}
