package dev.vial.launcher;

import dev.vial.App;
import dev.vial.lambda.LambdaHandler;
import dev.vial.lambda.gateway.EmulationOptions;
import dev.vial.lambda.gateway.GatewayEmulation;
import dev.vial.server.LocalServer;

/**
 * Serves the app's Lambda handler behind an emulated AWS service ({@code --emulate KIND}) on the local
 * server: every request becomes the service's event, the handler answers in this JVM, and its envelope
 * becomes the service's HTTP response.
 */
final class Emulation {

  private Emulation() {}

  /** Serves until stopped, like {@link LocalServer#serve(App, String[])}. */
  static void serve(String[] args, EmulationOptions options, AppSource source) {
    LambdaHandler handler = source.lambdaHandler().get();
    App gateway = GatewayEmulation.app(handler, options);
    LocalServer.serve(gateway, args,
        server -> server.withMaxBodyBytes(Math.max(server.maxBodyBytes(), options.maxBodyBytes())),
        url -> banner(url, options),
        source.app().get().routes());
  }

  /** For example {@code Emulating API Gateway HTTP API (payload 2.0), stage dev: http://127.0.0.1:8080/dev/}. */
  static String banner(String url, EmulationOptions options) {
    return "Emulating " + options.describe() + ": " + url + options.entryPath()
        + " (through the app's Lambda handler, in this JVM)";
  }
}
