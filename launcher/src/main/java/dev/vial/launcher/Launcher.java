package dev.vial.launcher;

import dev.vial.App;
import dev.vial.lambda.LambdaHandler;
import dev.vial.lambda.gateway.EmulationOptions;
import dev.vial.server.LocalServer;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * The whole {@code main} of a Vial app's jar. Without a command it serves the app on the local server
 * ({@code java -jar app.jar [--port N] [--host H]}), or with {@code --emulate KIND [--stage NAME]
 * [--base-path /v1]} its Lambda handler behind an emulated API Gateway, ALB or Function URL; a first argument that names a command runs that
 * command instead, with the same app and Lambda handler:
 *
 * <pre>{@code
 * public static void main(String[] args) {
 *   Launcher.run(args, EchoApp::create, EchoLambda::new);
 * }
 * }</pre>
 */
public final class Launcher {

  private Launcher() {}

  /** The commands by name; serving locally is what runs when none is named. */
  static Map<String, Command> commands() {
    Map<String, Command> commands = new TreeMap<>();
    commands.put("invoke", new InvokeCommand());
    commands.put("openapi", new OpenApiCommand());
    commands.put("template", new TemplateCommand());
    commands.put("lambda-runtime", new LambdaRuntimeCommand());
    return commands;
  }

  /**
   * Runs the command named by {@code args[0]}, or serves {@code app} locally when {@code args} names
   * none, and exits the JVM with the command's status.
   *
   * @param args the command line; with {@code --dev} (and no command) the app is served in dev mode:
   *     reload when its classes come from a directory, the debug page when bound to loopback
   * @param app builds the app (called once per server or command)
   * @param lambdaHandler builds the app's Lambda handler, the class Lambda is configured with
   */
  public static void run(String[] args, Supplier<App> app, Supplier<? extends LambdaHandler> lambdaHandler) {
    if (args == null || app == null || lambdaHandler == null) {
      throw new IllegalArgumentException("args, app and lambdaHandler must not be null");
    }
    if (AppCapture.offer(app)) {
      return; // dev-mode reload is loading a fresh copy of the app: it wanted only the factory
    }
    if (DevMode.requested(args) && !commands().containsKey(args[0])) {
      Class<?> mainClass = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE).getCallerClass();
      DevMode.serve(args, new AppSource(app, lambdaHandler), mainClass);
      return;
    }
    Command command = args.length == 0 ? null : commands().get(args[0]);
    if (command == null) {
      serve(args, new AppSource(app, lambdaHandler));
      return;
    }
    int status;
    try {
      status = command.run(Arrays.copyOfRange(args, 1, args.length), new AppSource(app, lambdaHandler));
    } catch (Exception e) {
      System.err.println("vial " + args[0] + ": " + e);
      status = 1;
    }
    System.out.flush();
    System.exit(status);
  }

  /** The default path: the app on the local server, or its Lambda handler behind {@code --emulate KIND}. */
  private static void serve(String[] args, AppSource source) {
    EmulationOptions emulation;
    try {
      emulation = EmulateArgs.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println("vial: " + e.getMessage());
      System.exit(2);
      return;
    }
    if (emulation == null) {
      LocalServer.serve(source.app().get(), args);
    } else {
      Emulation.serve(args, emulation, source);
    }
  }
}
