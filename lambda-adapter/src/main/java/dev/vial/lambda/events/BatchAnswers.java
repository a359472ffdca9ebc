package dev.vial.lambda.events;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/** Writes {@code {"batchItemFailures":[{"itemIdentifier":"..."}]}}, the partial batch answer AWS reads. */
final class BatchAnswers {

  private BatchAnswers() {}

  static byte[] write(JsonFactory factory, List<String> failedIds) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(32 + failedIds.size() * 64);
    try (JsonGenerator json = factory.createGenerator(out)) {
      json.writeStartObject();
      json.writeArrayFieldStart("batchItemFailures");
      for (String id : failedIds) {
        json.writeStartObject();
        json.writeStringField("itemIdentifier", id);
        json.writeEndObject();
      }
      json.writeEndArray();
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
