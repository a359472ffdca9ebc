package dev.vial.lambda;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The synthetic {@code GET} events {@link LambdaHandler} sends through its own pipeline when
 * {@link LambdaOptions#primingPaths()} asks for priming: minimal but well-formed REST v1 and HTTP API v2
 * events, so both codecs, the router and the app's handlers run once before the first real invocation.
 */
final class PrimingEvents {

  private PrimingEvents() {}

  /** A REST API proxy event for {@code GET target} ({@code /path?query}). */
  static byte[] restV1(JsonFactory json, String target) {
    return write(json, target, false);
  }

  /** An HTTP API payload 2.0 event for {@code GET target}. */
  static byte[] httpApiV2(JsonFactory json, String target) {
    return write(json, target, true);
  }

  private static byte[] write(JsonFactory factory, String target, boolean v2) {
    int question = target.indexOf('?');
    String path = question < 0 ? target : target.substring(0, question);
    String query = question < 0 ? "" : target.substring(question + 1);
    ByteArrayOutputStream out = new ByteArrayOutputStream(512);
    try (JsonGenerator json = factory.createGenerator(out)) {
      json.writeStartObject();
      if (v2) {
        json.writeStringField("version", "2.0");
        json.writeStringField("routeKey", "$default");
        json.writeStringField("rawPath", path);
        json.writeStringField("rawQueryString", query);
        json.writeObjectFieldStart("headers");
        json.writeStringField("user-agent", "vial-priming");
        json.writeEndObject();
        json.writeObjectFieldStart("requestContext");
        json.writeStringField("apiId", "priming");
        json.writeStringField("domainName", "priming.execute-api.local");
        json.writeStringField("requestId", "vial-priming");
        json.writeStringField("stage", "$default");
        json.writeObjectFieldStart("http");
        json.writeStringField("method", "GET");
        json.writeStringField("path", path);
        json.writeStringField("sourceIp", "127.0.0.1");
        json.writeEndObject();
        json.writeEndObject();
      } else {
        json.writeStringField("resource", "/{proxy+}");
        json.writeStringField("path", path);
        json.writeStringField("httpMethod", "GET");
        json.writeObjectFieldStart("multiValueHeaders");
        json.writeArrayFieldStart("User-Agent");
        json.writeString("vial-priming");
        json.writeEndArray();
        json.writeEndObject();
        if (!query.isEmpty()) {
          json.writeObjectFieldStart("multiValueQueryStringParameters");
          for (java.util.Map.Entry<String, java.util.List<String>> param : dev.vial.http.FormData.parse(query).entrySet()) {
            json.writeArrayFieldStart(param.getKey());
            for (String value : param.getValue()) {
              json.writeString(value);
            }
            json.writeEndArray();
          }
          json.writeEndObject();
        }
        json.writeObjectFieldStart("requestContext");
        json.writeStringField("requestId", "vial-priming");
        json.writeStringField("stage", "$default");
        json.writeStringField("path", path);
        json.writeObjectFieldStart("identity");
        json.writeStringField("sourceIp", "127.0.0.1");
        json.writeEndObject();
        json.writeEndObject();
      }
      json.writeNullField("body");
      json.writeBooleanField("isBase64Encoded", false);
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException("Writing a priming event to memory failed", e);
    }
    return out.toByteArray();
  }
}
