package ${package};

import static dev.vial.Responses.json;
import static dev.vial.Responses.ok;

import dev.vial.App;
import java.util.Map;

/**
 * Builds the app: the one place that lists its routes and blueprints. {@link Main} serves it locally,
 * {@link Lambda} runs it on AWS Lambda, and the tests call it directly.
 */
public final class AppFactory {

  private AppFactory() {}

  /** A new app with every route registered. */
  public static App create() {
    return new App()
        .get("/", req -> ok("Hello from Vial!"))
        .get("/hello/{name}", req -> json(Map.of("greeting", "Hello, " + req.pathParam("name") + "!")))
        .register(new TodoRoutes().blueprint());
  }
}
