package dev.vial.lambda;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/** Serialises a {@link ProxyResponse} as UTF-8 JSON with Jackson's streaming generator. */
final class ProxyResponseWriter {

  private final JsonFactory factory;

  ProxyResponseWriter(JsonFactory factory) {
    this.factory = factory;
  }

  byte[] write(ProxyResponse response) {
    int estimate = response.body().length() + 256; // the envelope around a body of a few headers
    try (ByteArrayBuilder out = new ByteArrayBuilder(estimate)) {
      try (JsonGenerator json = factory.createGenerator(out)) {
        json.writeStartObject();
        json.writeNumberField("statusCode", response.statusCode());
        if (response.statusDescription() != null) {
          json.writeStringField("statusDescription", response.statusDescription());
        }
        if (response.headers() != null) {
          json.writeObjectFieldStart("headers");
          for (Map.Entry<String, String> header : response.headers().entrySet()) {
            json.writeStringField(header.getKey(), header.getValue());
          }
          json.writeEndObject();
        }
        if (response.multiValueHeaders() != null) {
          json.writeObjectFieldStart("multiValueHeaders");
          for (Map.Entry<String, List<String>> header : response.multiValueHeaders().entrySet()) {
            json.writeArrayFieldStart(header.getKey());
            for (String value : header.getValue()) {
              json.writeString(value);
            }
            json.writeEndArray();
          }
          json.writeEndObject();
        }
        if (response.cookies() != null) {
          json.writeArrayFieldStart("cookies");
          for (String cookie : response.cookies()) {
            json.writeString(cookie);
          }
          json.writeEndArray();
        }
        json.writeStringField("body", response.body());
        json.writeBooleanField("isBase64Encoded", response.isBase64Encoded());
        json.writeEndObject();
      }
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("Could not write the proxy response", e);
    }
  }
}
