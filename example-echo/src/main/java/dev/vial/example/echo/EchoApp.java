package dev.vial.example.echo;

import dev.vial.App;

/**
 * The echo app: Vial's conformance app and a showcase of how a Vial app is laid out. Each resource
 * lives in its own blueprint; this factory only assembles them. The same {@link App} runs on the local
 * server ({@code Main}) and on AWS Lambda ({@code EchoLambda}).
 */
public final class EchoApp {

  private EchoApp() {}

  /** A new echo app with every route registered. */
  public static App create() {
    return new App()
        .register(HomeRoutes.blueprint())
        .register(EchoRoutes.blueprint())
        .register(UserRoutes.blueprint())
        .register(JsonRoutes.blueprint())
        .register(BinaryRoutes.blueprint())
        .register(CookieRoutes.blueprint())
        .register(ErrorRoutes.blueprint())
        .register(UploadRoutes.blueprint())
        .register(SessionRoutes.blueprint())
        .sessions(); // key from VIAL_SECRET_KEY; without it a random one per process (WARN), refused on Lambda
  }
}
