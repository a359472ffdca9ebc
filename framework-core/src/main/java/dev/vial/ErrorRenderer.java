package dev.vial;

/**
 * Renders the answer for an error the app would otherwise answer with its default JSON body: no error
 * handler of the app claimed it. Given to an app with {@link App#errorRenderer(ErrorRenderer)}; the
 * dev-mode debug page ({@link dev.vial.dev.DebugPage}) is one.
 */
@FunctionalInterface
public interface ErrorRenderer {

  /**
   * The response for {@code error} (an unhandled exception arrives as a 500 whose cause is that
   * exception), or {@code null} to keep the default JSON body. Must not throw.
   */
  Response render(Request request, HttpException error);
}
