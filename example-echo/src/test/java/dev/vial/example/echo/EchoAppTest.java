package dev.vial.example.echo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vial.App;
import dev.vial.Request;
import dev.vial.Response;
import dev.vial.RouteInfo;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EchoAppTest {

  @Test
  void registersExactlyTheConformanceRoutes() {
    List<String> expected = new ArrayList<>(List.of(
        "GET / (home)", "GET /binary", "GET /cookies", "GET /error", "POST /json", "GET /redirect",
        "GET /unicode", "GET /users/{id:int} (user)", "GET /links", "GET /stream", "GET /sse",
        "GET /openapi.json", "GET /docs",
        "GET /docs/{file}",
        "POST /upload", "GET /session", "DELETE /session"));
    for (String method : EchoRoutes.METHODS) {
      expected.add(method + " /echo");
      expected.add(method + " /echo/{rest:path} (echo-rest)");
    }

    List<String> routes = EchoApp.create().routes().stream().map(RouteInfo::toString).toList();

    assertThat(routes).containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  void createsAFreshAppEachTime() {
    App first = EchoApp.create();
    first.handle(Request.builder("GET", "/").build());

    App second = EchoApp.create();

    assertThat(second).isNotSameAs(first);
    // Only an app that has not handled a request yet can still take routes.
    second.get("/extra", req -> dev.vial.Responses.ok("extra"));
    Response extra = second.handle(Request.builder("GET", "/extra").build());
    assertThat(extra.bodyText()).isEqualTo("extra");
  }

  @Test
  void answersUnknownPathsWithTheDefaultJson404() {
    Response response = EchoApp.create().handle(Request.builder("GET", "/nowhere").build());

    assertThat(response.status()).isEqualTo(404);
    assertThat(response.contentType()).isEqualTo("application/json");
    assertThat(response.bodyText()).isEqualTo("{\"error\":\"Not Found\",\"status\":404}");
  }
}
