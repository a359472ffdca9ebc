package dev.vial.example.echo;

import static dev.vial.Responses.json;

import dev.vial.Blueprint;
import dev.vial.Request;
import dev.vial.Response;
import dev.vial.openapi.RouteDoc;
import java.util.List;

/**
 * {@code /echo} and everything below it, for every common method: answers with a JSON description of
 * the request as the app saw it ({@link EchoReport}), so front doors can be checked end to end.
 */
final class EchoRoutes {

  /**
   * "Any method". {@code HEAD} is listed so the handler sees it as {@code HEAD}; {@code OPTIONS} is listed
   * so it is echoed instead of getting the automatic 204.
   */
  static final List<String> METHODS = List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");

  private EchoRoutes() {}

  /** {@code ANY /echo} and {@code ANY /echo/{rest:path}} (route {@code echo-rest}). */
  static Blueprint blueprint() {
    Blueprint echo = new Blueprint("/echo");
    for (String method : METHODS) {
      RouteDoc doc = RouteDoc.of("Describes the " + method + " request as the app saw it").tags("echo")
          .response(200, EchoReport.class, "Method, path, parameters, headers, cookies and body");
      echo.route(method, "/", doc.handles(EchoRoutes::describe))
          .route(method, "/{rest:path}", "echo-rest", doc.handles(EchoRoutes::describe));
    }
    return echo;
  }

  private static Response describe(Request req) {
    return json(EchoReport.of(req));
  }
}
