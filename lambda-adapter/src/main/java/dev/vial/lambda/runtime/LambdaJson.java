package dev.vial.lambda.runtime;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import dev.vial.Headers;
import dev.vial.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The JSON documents the loop writes: Lambda's error shape and the streaming HTTP prelude. */
final class LambdaJson {

  /** Separates the prelude from the body in an {@code application/vnd.awslambda.http-integration-response}. */
  static final byte[] PRELUDE_DELIMITER = new byte[8];
  private static final int MAX_STACK_FRAMES = 50;

  private final JsonFactory factory;

  LambdaJson(JsonFactory factory) {
    this.factory = factory;
  }

  /** {@code {"errorMessage": .., "errorType": .., "stackTrace": [..]}}, as Lambda's runtimes report errors. */
  byte[] error(Throwable failure) {
    try (ByteArrayBuilder out = new ByteArrayBuilder(512)) {
      try (JsonGenerator json = factory.createGenerator(out)) {
        json.writeStartObject();
        json.writeStringField("errorMessage", String.valueOf(failure.getMessage()));
        json.writeStringField("errorType", failure.getClass().getName());
        json.writeArrayFieldStart("stackTrace");
        StackTraceElement[] frames = failure.getStackTrace();
        for (int i = 0; i < frames.length && i < MAX_STACK_FRAMES; i++) {
          json.writeString(frames[i].toString());
        }
        json.writeEndArray();
        json.writeEndObject();
      }
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The prelude of a streamed HTTP response, {@code {"statusCode": .., "headers": {..}, "cookies": [..]}}, and
   * its 8-byte delimiter: headers with several values are joined with commas, except {@code Set-Cookie}, whose
   * values go to {@code cookies} (a Function URL's payload 2.0 rules).
   */
  byte[] prelude(Response head) {
    Headers headers = head.headers();
    Map<String, List<String>> grouped = new LinkedHashMap<>();
    List<String> cookies = new ArrayList<>();
    for (int i = 0; i < headers.size(); i++) {
      String name = headers.name(i);
      if (name.equalsIgnoreCase("Set-Cookie")) {
        cookies.add(headers.value(i));
      } else if (!name.equalsIgnoreCase("Content-Length") && !name.equalsIgnoreCase("Transfer-Encoding")) {
        String key = null;
        for (String existing : grouped.keySet()) {
          if (existing.equalsIgnoreCase(name)) {
            key = existing;
            break;
          }
        }
        grouped.computeIfAbsent(key == null ? name : key, k -> new ArrayList<>()).add(headers.value(i));
      }
    }
    try (ByteArrayBuilder out = new ByteArrayBuilder(256)) {
      try (JsonGenerator json = factory.createGenerator(out)) {
        json.writeStartObject();
        json.writeNumberField("statusCode", head.status());
        json.writeObjectFieldStart("headers");
        for (Map.Entry<String, List<String>> header : grouped.entrySet()) {
          json.writeStringField(header.getKey(), String.join(",", header.getValue()));
        }
        json.writeEndObject();
        json.writeArrayFieldStart("cookies");
        for (String cookie : cookies) {
          json.writeString(cookie);
        }
        json.writeEndArray();
        json.writeEndObject();
      }
      out.write(PRELUDE_DELIMITER);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
