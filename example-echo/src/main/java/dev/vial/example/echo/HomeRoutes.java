package dev.vial.example.echo;

import static dev.vial.Responses.ok;
import static dev.vial.Responses.redirect;

import dev.vial.Blueprint;

/** Plain-text pages: the greeting at {@code /}, a Unicode sample, and a redirect back home. */
final class HomeRoutes {

  private HomeRoutes() {}

  /** {@code GET /}, {@code GET /unicode}, {@code GET /redirect}. */
  static Blueprint blueprint() {
    return new Blueprint("")
        .get("/", req -> ok("hello"))
        .get("/unicode", req -> ok("héllo wörld ✓ 你好"))
        // Behind an API Gateway stage the app is mounted under e.g. /prod: home is there, not at /.
        .get("/redirect", req -> redirect(req.mountPath() + "/"));
  }
}
