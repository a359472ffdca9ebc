package dev.vial.stream;

import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Sends the events of one Server-Sent Events response; handed to an {@link SseHandler}. Each call writes and
 * flushes, so the client sees the event at once. Safe to call from several threads. A client that went away
 * makes every call throw an {@link IOException}; when that is noticed by a heartbeat while the handler waits,
 * the handler's thread is also interrupted, so a handler blocked on a queue or a sleep ends too.
 */
public final class SseEmitter {

  private final OutputStream out;
  private final Thread handlerThread;
  private final ReentrantLock lock = new ReentrantLock();
  private IOException clientGone;

  private static final byte[] HEARTBEAT = SseEncoder.comment("");

  SseEmitter(OutputStream out, Thread handlerThread) {
    this.out = out;
    this.handlerThread = handlerThread;
  }

  /** Sends an event with {@code data} and no other field. */
  public void send(String data) throws IOException {
    send(SseEvent.data(data));
  }

  /** Sends {@code event}. */
  public void send(SseEvent event) throws IOException {
    if (event == null) {
      throw new IllegalArgumentException("SSE event must not be null");
    }
    write(SseEncoder.event(event));
  }

  /** Sends a comment line ({@code : text}), which clients ignore; {@code text} must not contain CR or LF. */
  public void comment(String text) throws IOException {
    if (text == null) {
      throw new IllegalArgumentException("SSE comment must not be null");
    }
    write(SseEncoder.comment(text));
  }

  /** The heartbeat: an empty comment; a failure interrupts the handler, which may be waiting for its next event. */
  void heartbeat() {
    // a write in progress already shows the connection is alive; skipping keeps the shared beat thread free
    if (!lock.tryLock()) {
      return;
    }
    try {
      writeLocked(HEARTBEAT);
    } catch (IOException gone) {
      handlerThread.interrupt();
    } finally {
      lock.unlock();
    }
  }

  private void write(byte[] bytes) throws IOException {
    lock.lock();
    try {
      writeLocked(bytes);
    } finally {
      lock.unlock();
    }
  }

  private void writeLocked(byte[] bytes) throws IOException {
    if (clientGone != null) {
      throw new IOException("The client went away", clientGone);
    }
    try {
      out.write(bytes);
      out.flush();
    } catch (IOException e) {
      clientGone = e;
      throw e;
    }
  }
}
