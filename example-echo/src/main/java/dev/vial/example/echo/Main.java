package dev.vial.example.echo;

import dev.vial.launcher.Launcher;

/**
 * The echo app's jar: {@code java -jar example-echo.jar [--port N] [--host H]} serves it locally; a
 * command as first argument runs that command with the same app and Lambda handler.
 */
public final class Main {

  private Main() {}

  /** Serves {@link EchoApp} until SIGTERM or Ctrl-C, or runs the command {@code args} names. */
  public static void main(String[] args) {
    Launcher.run(args, EchoApp::create, EchoLambda::new);
  }
}
