package dev.vial.lambda;

import org.slf4j.ILoggerFactory;
import org.slf4j.helpers.BasicMDCAdapter;
import org.slf4j.simple.SimpleServiceProvider;
import org.slf4j.spi.MDCAdapter;

/**
 * slf4j-simple with a working MDC (its own is a no-op), so tests can see the {@code AWSRequestId} the
 * adapter puts there, as Lambda's log4j2 and logback integrations would. Selected by the surefire
 * system property {@code slf4j.provider}.
 *
 * <p>The app's own logger ({@code dev.vial.App}) is {@link #APP_LOG}, which keeps each line with the
 * request id the MDC held when it was logged instead of printing it.
 */
public final class MdcSimpleServiceProvider extends SimpleServiceProvider {

  /** What {@code dev.vial.App} logged during the tests so far; clear it before a test that reads it. */
  static final CapturingLogger APP_LOG = new CapturingLogger("dev.vial.App");

  private final MDCAdapter mdc = new BasicMDCAdapter();
  private ILoggerFactory loggers;

  @Override
  public void initialize() {
    super.initialize();
    ILoggerFactory simple = super.getLoggerFactory();
    loggers = name -> name.equals(APP_LOG.getName()) ? APP_LOG : simple.getLogger(name);
  }

  @Override
  public ILoggerFactory getLoggerFactory() {
    return loggers;
  }

  @Override
  public MDCAdapter getMDCAdapter() {
    return mdc;
  }
}
