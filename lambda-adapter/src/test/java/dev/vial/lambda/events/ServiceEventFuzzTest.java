package dev.vial.lambda.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ContainerNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vial.App;
import dev.vial.HttpException;
import dev.vial.lambda.LambdaHandler;
import dev.vial.lambda.UnsupportedEventException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Fuzz targets for the service-event readers, driven through {@link LambdaHandler#handleRequest} with a
 * table that registers every seed's names and whose handlers touch every field: any payload yields one
 * JSON answer, or a {@link ServiceEventException} / {@link UnsupportedEventException} naming the problem,
 * or the {@link HttpException} a handler's own JSON binding throws; never another exception, a hang or
 * unbounded memory. Seeds: {@code src/test/resources/dev/vial/lambda/events/ServiceEventFuzzTestInputs/};
 * {@code JAZZER_FUZZ=1} fuzzes (see docs/fuzzing.md).
 */
class ServiceEventFuzzTest {

  private static final List<String> SEEDS = List.of("sqs-fifo.json", "sqs.json", "sns.json", "s3.json",
      "schedule.json", "scheduler.json", "dynamodb.json", "kinesis.json", "cloudwatch-logs.json", "eventbridge.json");
  private static final List<JsonNode> REAL_EVENTS = load();
  private static final LambdaHandler HANDLER = new LambdaHandler(new App(), table());

  private static ServiceEvents table() {
    RecordHandler<SqsMessage> sqs = msg -> {
      msg.messageAttributes().values().forEach(a -> {
        if (a.binaryValue() != null) {
          a.binaryBytes();
        }
      });
      msg.json(Map.class);
    };
    return new ServiceEvents()
        .sqs("SQSQueue", sqs)
        .sqs("TestLambda", sqs)
        .sns("EXAMPLE", msg -> msg.json(Map.class))
        .s3("sourcebucket", rec -> rec.key().length())
        .schedule("ExampleRule", "rate(1 day)", ev -> Map.of("name", ev.name()))
        .scheduler("hourly", "rate(1 hour)", ev -> ev.time())
        .dynamodb("Example-Table", rec -> rec.newImage().size())
        .kinesis("simple-stream", rec -> rec.json(Map.class))
        .logs("testLogGroup", d -> d.events().size())
        .eventBridge("app.payment", ev -> ev.detail(JsonNode.class));
  }

  @FuzzTest(maxDuration = "5m")
  void arbitraryBytesYieldAnAnswerOrAClearFailure(byte[] event) {
    assertAnsweredOrFailedClearly(event);
  }

  @FuzzTest(maxDuration = "5m")
  void mutatedRealEventsYieldAnAnswerOrAClearFailure(FuzzedDataProvider data) throws IOException {
    ObjectNode event = (ObjectNode) data.pickValue(REAL_EVENTS).deepCopy();
    int mutations = data.consumeInt(1, 6);
    for (int i = 0; i < mutations && data.remainingBytes() > 0; i++) {
      mutate(event, data);
    }
    assertAnsweredOrFailedClearly(Events.JSON.writeValueAsBytes(event));
  }

  /** Walks down a few levels from {@code root} and replaces, adds or removes one value there. */
  private static void mutate(ContainerNode<?> root, FuzzedDataProvider data) {
    ContainerNode<?> node = root;
    String name = null;
    for (int depth = data.consumeInt(0, 5); depth >= 0; depth--) {
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
      case 0 -> Events.JSON.getNodeFactory().nullNode();
      case 1 -> Events.JSON.getNodeFactory().numberNode(data.consumeLong());
      case 2 -> Events.JSON.getNodeFactory().booleanNode(data.consumeBoolean());
      case 3 -> Events.JSON.createObjectNode().put(data.consumeString(8), data.consumeString(24));
      case 4 -> Events.JSON.createArrayNode().add(data.consumeString(24)).add(data.consumeString(24));
      case 5 -> null; // remove
      default -> Events.JSON.getNodeFactory().textNode(data.consumeString(64));
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

  private static void assertAnsweredOrFailedClearly(byte[] event) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      HANDLER.handleRequest(new ByteArrayInputStream(event), out, Events.context());
    } catch (ServiceEventException | UnsupportedEventException | HttpException failed) {
      assertThat(failed.getMessage()).isNotBlank();
      assertThat(out.size()).isZero();
      return;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try {
      Events.JSON.readTree(out.toByteArray());
    } catch (IOException e) {
      throw new AssertionError("The answer is not JSON: " + out, e);
    }
  }

  private static List<JsonNode> load() {
    List<JsonNode> events = new ArrayList<>();
    for (String name : SEEDS) {
      try (InputStream in = ServiceEventFuzzTest.class.getResourceAsStream("/service-events/" + name)) {
        events.add(Events.JSON.readTree(in));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return List.copyOf(events);
  }
}
