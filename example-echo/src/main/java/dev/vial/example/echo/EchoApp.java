package dev.vial.example.echo;

import dev.vial.App;
import dev.vial.cors.CorsPolicy;
import dev.vial.docs.DocsUi;
import dev.vial.lambda.events.ServiceEvents;
import dev.vial.openapi.ApiInfo;
import java.time.Duration;

/**
 * The echo app: Vial's conformance app and a showcase of how a Vial app is laid out. Each resource
 * lives in its own blueprint; this factory only assembles them. The same {@link App} runs on the local
 * server ({@code Main}) and on AWS Lambda ({@code EchoLambda}).
 */
public final class EchoApp {

  /**
   * CORS for the whole app: the browser front end at {@code https://app.example} and any one-label
   * subdomain of it, with cookies.
   */
  static final CorsPolicy CORS = CorsPolicy.allowOrigins("https://app.example", "https://*.app.example")
      .allowCredentials(true)
      .allowMethods("GET", "POST", "PUT", "DELETE")
      .allowHeaders("Content-Type", "X-Requested-With")
      .exposeHeaders("X-Request-Id")
      .maxAge(Duration.ofSeconds(600));

  private EchoApp() {}

  /** A new echo app with every route registered. */
  public static App create() {
    return new App()
        .openApi(ApiInfo.of("Vial example-echo", "1.0.0"))
        .cors(CORS)
        .register(HomeRoutes.blueprint())
        .register(EchoRoutes.blueprint())
        .register(UserRoutes.blueprint())
        .register(JsonRoutes.blueprint())
        .register(BinaryRoutes.blueprint())
        .register(CookieRoutes.blueprint())
        .register(ErrorRoutes.blueprint())
        .register(LinkRoutes.blueprint())
        .register(StreamRoutes.blueprint())
        .register(DocsUi.blueprint())
        .register(UploadRoutes.blueprint())
        .register(SessionRoutes.blueprint())
        .sessions(); // key from VIAL_SECRET_KEY; without it a random one per process (WARN), refused on Lambda
  }

  /** The echo app's service events (SQS, Kinesis, DynamoDB, S3, SNS, schedules, EventBridge), for {@code EchoLambda}. */
  public static ServiceEvents events() {
    return EchoEvents.table();
  }
}
