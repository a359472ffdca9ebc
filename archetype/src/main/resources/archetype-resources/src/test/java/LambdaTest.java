package ${package};

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vial.testkit.TestLambdaContext;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The handler Lambda is configured with answers the sample events in {@code events/} (sam local invoke -e ...). */
class LambdaTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private static JsonNode invoke(String eventFile) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (InputStream event = Files.newInputStream(Path.of("events", eventFile))) {
      new Lambda().handleRequest(event, out, new TestLambdaContext());
    }
    return MAPPER.readTree(out.toByteArray());
  }

  @Test
  void answersTheHttpApiSampleEvent() throws Exception {
    JsonNode answer = invoke("http-api-get-root.json");

    assertThat(answer.path("statusCode").asInt()).isEqualTo(200);
    assertThat(answer.path("body").asText()).isEqualTo("Hello from Vial!");
  }

  @Test
  void answersTheRestApiSampleEvent() throws Exception {
    JsonNode answer = invoke("rest-api-post-todo.json");

    assertThat(answer.path("statusCode").asInt()).isEqualTo(201);
    assertThat(answer.path("headers").path("Location").asText()).isEqualTo("/prod/todos/1");
    assertThat(answer.path("body").asText()).isEqualTo("{\"id\":1,\"title\":\"Buy milk\"}");
  }
}
