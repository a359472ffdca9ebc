package dev.vial.server;

import static dev.vial.Responses.ok;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vial.App;
import dev.vial.Blueprint;
import java.util.List;
import org.junit.jupiter.api.Test;

class BannerTest {

  @Test
  void showsTheUrlAndAnAlignedRouteTable() {
    App app = new App();
    app.route("GET", "/", "index", req -> ok("home"));
    app.post("/users", req -> ok("made"));
    app.register(new Blueprint("/api").route("DELETE", "/items/{id:int}", "remove_item", req -> ok("gone")));

    String banner = Banner.render("http://127.0.0.1:8080", app.routes());

    assertThat(banner).isEqualTo(
        "Vial serving on http://127.0.0.1:8080 (Ctrl-C to stop)\n"
            + "\n"
            + "Method  Path                 Name\n"
            + "GET     /                    index\n"
            + "DELETE  /api/items/{id:int}  remove_item\n"
            + "POST    /users\n");
  }

  @Test
  void saysSoWhenThereAreNoRoutes() {
    assertThat(Banner.render("http://127.0.0.1:1", List.of()))
        .endsWith("No routes defined: every request will be answered 404.\n");
  }
}
