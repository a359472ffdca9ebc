package dev.vial.lambda.events;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.vial.App;
import java.nio.charset.StandardCharsets;

/** Binds the JSON inside an event (a message body, a detail) with the app's mapper, as {@code Request.json} does. */
final class JsonBinder {

  private final App app;

  JsonBinder(App app) {
    this.app = app;
  }

  <T> T read(String json, Class<T> type) {
    return app.readJson(bytes(json), type);
  }

  <T> T read(String json, TypeReference<T> type) {
    return app.readJson(bytes(json), type);
  }

  private static byte[] bytes(String json) {
    return json == null ? new byte[0] : json.getBytes(StandardCharsets.UTF_8);
  }
}
