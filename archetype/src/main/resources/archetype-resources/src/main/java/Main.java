package ${package};

import dev.vial.launcher.Launcher;

/**
 * The jar's main: {@code java -jar target/app.jar [--port N] [--host H]} serves the app on the local
 * server; a command as first argument runs that command with the same app and Lambda handler.
 */
public final class Main {

  private Main() {}

  /** Serves the app until SIGTERM or Ctrl-C, or runs the command {@code args} names. */
  public static void main(String[] args) {
    Launcher.run(args, AppFactory::create, Lambda::new);
  }
}
