package dev.vial.lambda;

import static dev.vial.Responses.json;
import static dev.vial.Responses.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ContainerNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vial.App;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.helpers.NOPLogger;

/**
 * Fuzz targets for the Lambda front door, driven through {@link LambdaHandler#handleRequest}: any
 * payload yields a proxy response the app chose or an {@link UnsupportedEventException} naming the
 * problem, nothing else. In a normal test run each replays its committed seeds
 * ({@code src/test/resources/dev/vial/lambda/LambdaEventFuzzTestInputs/<method>/});
 * {@code JAZZER_FUZZ=1} fuzzes (see docs/fuzzing.md).
 */
class LambdaEventFuzzTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final List<String> EVENTS = List.of("alb-multi.json", "alb-single.json", "function-url-post.json",
      "http-api-v1-get.json", "http-api-v2-get.json", "rest-v1-get.json", "rest-v1-post-base64.json");
  private static final List<JsonNode> REAL_EVENTS = load();
  private static final LambdaHandler HANDLER = new LambdaHandler(app(), LambdaOptions.defaults(),
      NOPLogger.NOP_LOGGER, NOPLogger.NOP_LOGGER);

  /** An app that answers every request it can route without failing, so a 500 can only be Vial's. */
  private static App app() {
    App app = new App();
    for (String method : List.of("GET", "POST", "PUT", "DELETE", "PATCH")) {
      app.route(method, "/echo/{rest:path}", req -> json(Map.of("path", req.path(), "query", req.queryParams(),
          "cookies", req.cookies(), "body", req.bodyText(), "headers", req.headers().names().size())));
    }
    app.get("/items/{id:int}", req -> ok(Integer.toString(req.pathParamInt("id"))));
    app.post("/form", req -> json(req.formParams()));
    return app;
  }

  @FuzzTest(maxDuration = "5m")
  void arbitraryBytesYieldAResponseOrAClearRejection(byte[] event) {
    assertAnsweredOrRejected(event);
  }

  @FuzzTest(maxDuration = "5m")
  void mutatedRealEventsYieldAResponseOrAClearRejection(FuzzedDataProvider data) throws IOException {
    ObjectNode event = (ObjectNode) data.pickValue(REAL_EVENTS).deepCopy();
    int mutations = data.consumeInt(1, 6);
    for (int i = 0; i < mutations && data.remainingBytes() > 0; i++) {
      mutate(event, data);
    }
    assertAnsweredOrRejected(MAPPER.writeValueAsBytes(event));
  }

  /** Walks down a few levels from {@code root} and replaces, adds or removes one value there. */
  private static void mutate(ContainerNode<?> root, FuzzedDataProvider data) {
    ContainerNode<?> node = root;
    String name = null;
    for (int depth = data.consumeInt(0, 3); depth >= 0; depth--) {
      List<String> names = new ArrayList<>();
      node.fieldNames().forEachRemaining(names::add);
      if (node instanceof ArrayNode array) {
        for (int i = 0; i < array.size(); i++) {
          names.add(Integer.toString(i));
        }
      }
      name = names.isEmpty() || data.consumeBoolean() ? data.consumeString(12) : data.pickValue(names);
      JsonNode child = node instanceof ArrayNode array ? array.get(index(name, array)) : node.get(name);
      if (!(child instanceof ContainerNode<?> container) || depth == 0) {
        break;
      }
      node = container;
    }
    JsonNode value = switch (data.consumeInt(0, 6)) {
      case 0 -> MAPPER.getNodeFactory().nullNode();
      case 1 -> MAPPER.getNodeFactory().numberNode(data.consumeLong());
      case 2 -> MAPPER.getNodeFactory().booleanNode(data.consumeBoolean());
      case 3 -> MAPPER.createObjectNode().put(data.consumeString(8), data.consumeString(24));
      case 4 -> MAPPER.createArrayNode().add(data.consumeString(24)).add(data.consumeString(24));
      case 5 -> null; // remove
      default -> MAPPER.getNodeFactory().textNode(data.consumeString(64));
    };
    if (node instanceof ObjectNode object) {
      if (value == null) {
        object.remove(name);
      } else {
        object.set(name, value);
      }
    } else if (node instanceof ArrayNode array) {
      int index = index(name, array);
      if (value == null && index < array.size()) {
        array.remove(index);
      } else if (value != null) {
        array.add(value);
      }
    }
  }

  private static int index(String name, ArrayNode array) {
    try {
      return Integer.parseInt(name);
    } catch (NumberFormatException notAnIndex) {
      return array.size();
    }
  }

  private static void assertAnsweredOrRejected(byte[] event) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      HANDLER.handleRequest(new ByteArrayInputStream(event), out, new TestContext("fuzz-request"));
    } catch (UnsupportedEventException rejected) {
      assertThat(rejected.getMessage()).endsWith(UnsupportedEventException.ACCEPTED);
      assertThat(out.size()).isZero();
      return;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    JsonNode envelope;
    try {
      envelope = MAPPER.readTree(out.toByteArray());
    } catch (IOException e) {
      throw new AssertionError("The proxy response is not JSON: " + out, e);
    }
    assertThat(envelope.path("statusCode").isInt()).as(envelope.toString()).isTrue();
    assertThat(envelope.path("statusCode").asInt()).as(envelope.toString()).isIn(200, 204, 400, 404, 405);
    assertThat(envelope.path("body").isTextual() || envelope.path("body").isMissingNode()).isTrue();
  }

  private static List<JsonNode> load() {
    List<JsonNode> events = new ArrayList<>();
    for (String name : EVENTS) {
      try (InputStream in = LambdaEventFuzzTest.class.getResourceAsStream("/events/" + name)) {
        events.add(MAPPER.readTree(in));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return List.copyOf(events);
  }
}
