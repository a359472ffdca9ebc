package dev.vial.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Loads the test events and runs them through {@link LambdaHandler#handleRequest} as the runtime would. */
final class Invocations {

  static final ObjectMapper JSON = new ObjectMapper();
  static final String REQUEST_ID = "8f0e5c8e-2f5a-4d7b-9a53-4b7c3e1d2a10";

  private Invocations() {}

  /** A copy of {@code src/test/resources/events/NAME}, free to change in a test. */
  static ObjectNode event(String name) {
    try (InputStream in = Invocations.class.getResourceAsStream("/events/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("No test event " + name);
      }
      return (ObjectNode) JSON.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The proxy response the handler writes for {@code event}, parsed. */
  static JsonNode invoke(LambdaHandler handler, JsonNode event) {
    try {
      return JSON.readTree(invokeRaw(handler, JSON.writeValueAsBytes(event)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The handler's raw output for raw input bytes. */
  static byte[] invokeRaw(LambdaHandler handler, byte[] event) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      handler.handleRequest(new ByteArrayInputStream(event), out, new TestContext(REQUEST_ID));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** The app's JSON answer inside a text envelope body. */
  static JsonNode body(JsonNode envelope) {
    try {
      return JSON.readTree(envelope.get("body").asText());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static LambdaHandler handler() {
    return new LambdaHandler(TestApp.create());
  }
}
