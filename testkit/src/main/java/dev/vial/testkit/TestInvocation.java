package dev.vial.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * What a Lambda handler answered to one event ({@link TestEvents#invoke}).
 *
 * @param json the answer as the handler wrote it
 */
public record TestInvocation(String json) {

  /** The answer parsed; {@code IllegalStateException} when it is not JSON. */
  public JsonNode tree() {
    try {
      return ServiceEventBuilders.JSON.readTree(json);
    } catch (IOException e) {
      throw new IllegalStateException("The handler's answer is not JSON: " + json, e);
    }
  }

  /**
   * The identifiers in a partial batch answer ({@code {"batchItemFailures":[{"itemIdentifier":..}]}}), empty
   * when every record is done; {@code IllegalStateException} when the answer has another shape.
   */
  public List<String> batchItemFailures() {
    JsonNode failures = tree().get("batchItemFailures");
    if (failures == null || !failures.isArray()) {
      throw new IllegalStateException("The answer is not a batch response: " + json);
    }
    List<String> ids = new ArrayList<>();
    for (JsonNode failure : failures) {
      ids.add(failure.path("itemIdentifier").asText());
    }
    return List.copyOf(ids);
  }
}
