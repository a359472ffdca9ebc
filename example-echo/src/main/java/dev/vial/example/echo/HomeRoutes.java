package dev.vial.example.echo;

import static dev.vial.Responses.ok;
import static dev.vial.Responses.redirect;

import dev.vial.Blueprint;
import dev.vial.openapi.RouteDoc;

/** Plain-text pages: the greeting at {@code /} (route {@code home}), a Unicode sample, and a redirect back home. */
final class HomeRoutes {

  private HomeRoutes() {}

  /** {@code GET /}, {@code GET /unicode}, {@code GET /redirect}. */
  static Blueprint blueprint() {
    return new Blueprint("")
        .route("GET", "/", "home", RouteDoc.of("Says hello").tags("home")
            .response(200, "text/plain", String.class, "The text hello").handles(req -> ok("hello")))
        .get("/unicode", RouteDoc.of("Unicode text").tags("home")
            .response(200, "text/plain", String.class, "héllo wörld ✓ 你好, in UTF-8")
            .handles(req -> ok("héllo wörld ✓ 你好")))
        // Behind an API Gateway stage the app is mounted under e.g. /prod: urlFor puts home there, not at /.
        .get("/redirect", RouteDoc.of("Redirects home").tags("home")
            .response(302, "To / (under the mount path, such as an API Gateway stage)")
            .handles(req -> redirect(req.urlFor("home"))));
  }
}
