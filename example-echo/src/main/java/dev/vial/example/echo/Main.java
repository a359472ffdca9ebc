package dev.vial.example.echo;

import dev.vial.server.LocalServer;

/** Runs the echo app on the local server: {@code java -jar example-echo.jar [--port N] [--host H]}. */
public final class Main {

  private Main() {}

  /** Serves {@link EchoApp} until SIGTERM or Ctrl-C. */
  public static void main(String[] args) {
    LocalServer.serve(EchoApp.create(), args);
  }
}
