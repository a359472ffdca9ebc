package dev.vial.example.echo;

import static dev.vial.Responses.ok;
import static dev.vial.Responses.redirect;

import dev.vial.Blueprint;

/** Plain-text pages: the greeting at {@code /} (route {@code home}), a Unicode sample, and a redirect back home. */
final class HomeRoutes {

  private HomeRoutes() {}

  /** {@code GET /}, {@code GET /unicode}, {@code GET /redirect}. */
  static Blueprint blueprint() {
    return new Blueprint("")
        .route("GET", "/", "home", req -> ok("hello"))
        .get("/unicode", req -> ok("héllo wörld ✓ 你好"))
        // Behind an API Gateway stage the app is mounted under e.g. /prod: urlFor puts home there, not at /.
        .get("/redirect", req -> redirect(req.urlFor("home")));
  }
}
