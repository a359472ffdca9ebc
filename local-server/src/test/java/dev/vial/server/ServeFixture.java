package dev.vial.server;

import static dev.vial.Responses.ok;

import dev.vial.App;

/** A tiny app's {@code main}, run in a child JVM by {@link ServeTest}. */
final class ServeFixture {

  private ServeFixture() {}

  public static void main(String[] args) {
    App app = new App();
    app.route("GET", "/", "index", req -> ok("home"));
    app.get("/slow", req -> {
      Thread.sleep(800);
      return ok("slow done");
    });
    app.route("POST", "/users/{id:int}", "update_user", req -> ok("updated"));
    LocalServer.serve(app, args);
  }
}
