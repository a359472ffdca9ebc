package dev.vial.server;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.slf4j.MDC;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;

/** An slf4j logger that keeps what it is given; it can be stalled, like a terminal nobody reads. */
final class RecordingLogger extends LegacyAbstractLogger {

  /** One logged event: level, formatted message, the MDC's request id, and the logging thread's name. */
  record Event(Level level, String message, String requestId, String thread) {}

  private final boolean infoEnabled;
  private final List<Event> events = new CopyOnWriteArrayList<>();
  private volatile CountDownLatch stall = new CountDownLatch(0);

  RecordingLogger(boolean infoEnabled) {
    this.infoEnabled = infoEnabled;
    this.name = "dev.vial.server.access";
  }

  /** From now on every logging call blocks until {@link #release()}. */
  void stall() {
    stall = new CountDownLatch(1);
  }

  void release() {
    stall.countDown();
  }

  List<Event> events() {
    return events;
  }

  List<Event> events(Level level) {
    return events.stream().filter(event -> event.level() == level).toList();
  }

  @Override
  protected void handleNormalizedLoggingCall(Level level, Marker marker, String message, Object[] arguments,
      Throwable throwable) {
    try {
      stall.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    events.add(new Event(level, MessageFormatter.basicArrayFormat(message, arguments), MDC.get(RequestIds.MDC_KEY),
        Thread.currentThread().getName()));
  }

  @Override
  protected String getFullyQualifiedCallerName() {
    return null;
  }

  @Override
  public boolean isTraceEnabled() {
    return false;
  }

  @Override
  public boolean isDebugEnabled() {
    return false;
  }

  @Override
  public boolean isInfoEnabled() {
    return infoEnabled;
  }

  @Override
  public boolean isWarnEnabled() {
    return true;
  }

  @Override
  public boolean isErrorEnabled() {
    return true;
  }
}
