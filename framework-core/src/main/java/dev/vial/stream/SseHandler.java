package dev.vial.stream;

/** Produces the events of one Server-Sent Events response ({@link Sse#response(SseHandler)}). */
@FunctionalInterface
public interface SseHandler {

  /**
   * Sends events through {@code events} and returns when the stream should end. An {@link java.io.IOException}
   * from {@code events} means the client went away: let it propagate.
   */
  void stream(SseEmitter events) throws Exception;
}
