package dev.vial.launcher;

/** One subcommand of an app's jar ({@code java -jar app.jar NAME args...}). */
interface Command {

  /**
   * Runs the command with the arguments after its name and returns the process exit status
   * (0 success, 1 failure, 2 bad arguments). Messages for the user go to standard error.
   */
  int run(String[] args, AppSource source) throws Exception;
}
