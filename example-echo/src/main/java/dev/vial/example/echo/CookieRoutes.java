package dev.vial.example.echo;

import static dev.vial.Responses.ok;

import dev.vial.Blueprint;
import dev.vial.Cookie;
import dev.vial.openapi.RouteDoc;
import java.time.Instant;

/** Setting cookies: one {@code Set-Cookie} header per cookie. */
final class CookieRoutes {

  static final Cookie SESSION = Cookie.of("session", "abc").path("/").httpOnly(true);
  static final Cookie THEME = Cookie.of("theme", "dark").expires(Instant.ofEpochSecond(2_139_722_880L) /* 2037-10-21T07:28:00Z */).path("/");

  private CookieRoutes() {}

  /** {@code GET /cookies}. */
  static Blueprint blueprint() {
    return new Blueprint("/cookies")
        .get("/", RouteDoc.of("Sets two cookies").tags("cookies")
            .response(200, "text/plain", String.class, "cookies set, with Set-Cookie session and theme")
            .handles(req -> ok("cookies set").withCookie(SESSION).withCookie(THEME)));
  }
}
