package ${package};

import static org.assertj.core.api.Assertions.assertThat;

import dev.vial.testkit.TestClient;
import dev.vial.testkit.TestRequest;
import dev.vial.testkit.TestResponse;
import dev.vial.testkit.Transport;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every route through every front door: in memory, over HTTP on the local server, and through the Lambda
 * handler in each event shape (API Gateway REST and HTTP APIs, ALB, function URL), built as AWS builds them.
 */
class AppTest {

  @ParameterizedTest
  @EnumSource(Transport.class)
  void rootSaysHello(Transport transport) {
    try (TestClient client = TestClient.of(transport, AppFactory.create())) {
      TestResponse res = client.get("/");

      assertThat(res.status()).isEqualTo(200);
      assertThat(res.contentType()).isEqualTo("text/plain; charset=utf-8");
      assertThat(res.bodyText()).isEqualTo("Hello from Vial!");
    }
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void greetsByName(Transport transport) {
    try (TestClient client = TestClient.of(transport, AppFactory.create())) {
      TestResponse res = client.get("/hello/Ada");

      assertThat(res.status()).isEqualTo(200);
      assertThat(res.bodyText()).isEqualTo("{\"greeting\":\"Hello, Ada!\"}");
    }
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void createsATodoAndFindsItAgain(Transport transport) {
    try (TestClient client = TestClient.of(transport, AppFactory.create())) {
      TestResponse created = client.send(TestRequest.post("/todos", "{\"title\":\"Buy milk\"}", "application/json"));

      assertThat(created.status()).isEqualTo(201);
      assertThat(created.header("Location")).endsWith("/todos/1");
      assertThat(created.bodyText()).isEqualTo("{\"id\":1,\"title\":\"Buy milk\"}");
      assertThat(client.get("/todos/1").bodyText()).isEqualTo("{\"id\":1,\"title\":\"Buy milk\"}");
      assertThat(client.get("/todos").bodyText()).isEqualTo("[{\"id\":1,\"title\":\"Buy milk\"}]");
    }
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void anUnknownTodoIsNotFound(Transport transport) {
    try (TestClient client = TestClient.of(transport, AppFactory.create())) {
      TestResponse res = client.get("/todos/7");

      assertThat(res.status()).isEqualTo(404);
      assertThat(res.bodyText()).isEqualTo("{\"error\":\"No todo 7\",\"status\":404}");
    }
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void aTodoWithoutATitleIsABadRequest(Transport transport) {
    try (TestClient client = TestClient.of(transport, AppFactory.create())) {
      TestResponse blank = client.send(TestRequest.post("/todos", "{\"title\":\" \"}", "application/json"));
      TestResponse malformed = client.send(TestRequest.post("/todos", "{\"title\":", "application/json"));

      assertThat(blank.status()).isEqualTo(400);
      assertThat(blank.bodyText()).isEqualTo("{\"error\":\"A todo needs a title\",\"status\":400}");
      assertThat(malformed.status()).isEqualTo(400);
    }
  }
}
