package dev.vial.server;

import org.slf4j.helpers.BasicMDCAdapter;
import org.slf4j.simple.SimpleServiceProvider;
import org.slf4j.spi.MDCAdapter;

/**
 * slf4j-simple with a working MDC (its own is a no-op), so tests can see the {@code requestId} the
 * server puts there, as logback or log4j2 would. Selected by the surefire
 * system property {@code slf4j.provider}.
 */
public final class MdcSimpleServiceProvider extends SimpleServiceProvider {

  private final MDCAdapter mdc = new BasicMDCAdapter();

  @Override
  public MDCAdapter getMDCAdapter() {
    return mdc;
  }
}
