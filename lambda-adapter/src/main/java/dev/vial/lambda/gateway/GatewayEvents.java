package dev.vial.lambda.gateway;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.vial.Headers;
import dev.vial.http.FormData;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Builds the Lambda event each AWS service sends for an HTTP request, as the service builds it. The test
 * kit's Lambda transports and the local gateway emulation both use it, so they cannot drift apart.
 *
 * <p>What each service does to a request, as documented by AWS and seen in real events:
 * <ul>
 *   <li>REST API: {@code path} percent-encoded as sent, without the stage ({@code requestContext.path}
 *       has it); headers keep their case, {@code headers} holds the last value and {@code multiValueHeaders}
 *       all; query parameters arrive decoded ({@code +} is a space).</li>
 *   <li>HTTP API (2.0): header names lower-cased, repeated headers joined with commas; {@code rawPath}
 *       percent-decoded and prefixed with a named stage; {@code rawQueryString} as sent; the {@code Cookie}
 *       header moved into the {@code cookies} array.</li>
 *   <li>HTTP API payload 1.0: the REST shape with {@code version: "1.0"}, an {@code apiId} and, as in
 *       every HTTP API event, a percent-decoded {@code path} that includes a named stage.</li>
 *   <li>ALB: header names lower-cased; path and query values as sent (still encoded); either
 *       {@code headers}/{@code queryStringParameters} (last value) or the {@code multiValue*} fields.</li>
 *   <li>Function URL: the 2.0 shape on a {@code *.lambda-url.*} domain, {@code rawPath} as sent.</li>
 * </ul>
 * Bodies are base64-encoded with {@code isBase64Encoded: true} when {@link BinaryBodies} says so: the
 * given rule for REST APIs, {@link BinaryBodies#nonTextual()} for every other kind.
 */
public final class GatewayEvents {

  private static final JsonFactory JSON = new JsonFactory();
  private static final String SOURCE_IP = "203.0.113.7";

  private GatewayEvents() {}

  /**
   * The event {@code kind} sends for {@code request}.
   *
   * @param request the request as it reached the service (stage already taken off the path)
   * @param kind the service
   * @param stage the stage name for API Gateway kinds ({@code $default} or a named stage such as
   *     {@code dev}); ignored for kinds without stages
   * @param restBinaryBodies which bodies a REST API base64-encodes (its binary media types); the other
   *     kinds always use {@link BinaryBodies#nonTextual()}
   */
  public static byte[] write(GatewayRequest request, GatewayKind kind, String stage, BinaryBodies restBinaryBodies) {
    String named = stage == null || stage.isEmpty() ? kind.defaultStage() : stage;
    BinaryBodies binary = kind == GatewayKind.REST ? restBinaryBodies : BinaryBodies.nonTextual();
    ByteArrayOutputStream out = new ByteArrayOutputStream(512 + request.body().length * 4 / 3);
    try (JsonGenerator json = JSON.createGenerator(out)) {
      json.writeStartObject();
      switch (kind) {
        case REST -> writeRestV1(json, request, false, named, binary);
        case HTTP_API_V1 -> writeRestV1(json, request, true, named, binary);
        case HTTP_API -> writeV2(json, request, named, false, binary);
        case FUNCTION_URL -> writeV2(json, request, "$default", true, binary);
        case ALB -> writeAlb(json, request, false, binary);
        case ALB_MULTI_VALUE -> writeAlb(json, request, true, binary);
        default -> throw new IllegalArgumentException(kind + " is not supported");
      }
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static void writeRestV1(JsonGenerator json, GatewayRequest request, boolean httpApiPayload1, String stage,
      BinaryBodies binary) throws IOException {
    if (httpApiPayload1) {
      json.writeStringField("version", "1.0");
    }
    json.writeStringField("resource", "/{proxy+}");
    // REST APIs pass the path as the client sent it; HTTP APIs (payload 1.0 too) decode it first.
    String stagePrefix = stage.equals("$default") ? "" : "/" + stage;
    // HTTP APIs (payload 1.0 too) decode the path first and keep a named stage in it; REST APIs pass it as sent.
    String path = httpApiPayload1 ? stagePrefix + decodeWholePath(request.rawPath()) : request.rawPath();
    json.writeStringField("path", path);
    json.writeStringField("httpMethod", request.method());
    Headers headers = withProxyHeaders(request.headers(), "abc123.execute-api.us-east-1.amazonaws.com", false);
    writeLastValues(json, "headers", headers);
    writeMultiValues(json, "multiValueHeaders", headers);
    Map<String, List<String>> query = FormData.parse(request.rawQuery());
    writeQuery(json, query);
    json.writeObjectFieldStart("pathParameters");
    json.writeStringField("proxy", request.rawPath().substring(1));
    json.writeEndObject();
    json.writeNullField("stageVariables");
    json.writeObjectFieldStart("requestContext");
    json.writeStringField("resourcePath", "/{proxy+}");
    json.writeStringField("httpMethod", request.method());
    json.writeStringField("path", httpApiPayload1 ? path : stagePrefix + request.rawPath());
    json.writeStringField("stage", stage);
    json.writeStringField("accountId", "123456789012");
    json.writeStringField("apiId", "abc123");
    json.writeStringField("requestId", UUID.randomUUID().toString());
    json.writeStringField("domainName", "abc123.execute-api.us-east-1.amazonaws.com");
    json.writeStringField("protocol", "HTTP/1.1");
    json.writeNumberField("requestTimeEpoch", System.currentTimeMillis());
    json.writeObjectFieldStart("identity");
    json.writeStringField("sourceIp", SOURCE_IP);
    json.writeStringField("userAgent", String.valueOf(request.headers().first("User-Agent")));
    json.writeEndObject();
    json.writeEndObject();
    writeBody(json, request, binary);
  }

  private static void writeV2(JsonGenerator json, GatewayRequest request, String stage, boolean functionUrl,
      BinaryBodies binary) throws IOException {
    String domain = functionUrl ? "abcdefghijklmnop.lambda-url.us-east-1.on.aws" : "abc123.execute-api.us-east-1.amazonaws.com";
    String rawPath = functionUrl ? request.rawPath() : decodeWholePath(request.rawPath());
    if (!stage.equals("$default")) {
      rawPath = "/" + stage + rawPath;
    }
    json.writeStringField("version", "2.0");
    json.writeStringField("routeKey", "$default");
    json.writeStringField("rawPath", rawPath);
    json.writeStringField("rawQueryString", request.rawQuery() == null ? "" : request.rawQuery());
    Headers headers = withProxyHeaders(request.headers(), domain, true);
    List<String> cookies = new ArrayList<>();
    for (String cookieHeader : headers.all("cookie")) {
      for (String pair : cookieHeader.split(";")) {
        if (!pair.isBlank()) {
          cookies.add(pair.trim());
        }
      }
    }
    if (!cookies.isEmpty()) {
      json.writeArrayFieldStart("cookies");
      for (String cookie : cookies) {
        json.writeString(cookie);
      }
      json.writeEndArray();
    }
    json.writeObjectFieldStart("headers");
    for (Map.Entry<String, List<String>> header : lowerCased(headers.without("cookie")).entrySet()) {
      json.writeStringField(header.getKey(), String.join(",", header.getValue()));
    }
    json.writeEndObject();
    Map<String, List<String>> query = FormData.parse(request.rawQuery());
    if (!query.isEmpty()) {
      json.writeObjectFieldStart("queryStringParameters");
      for (Map.Entry<String, List<String>> param : query.entrySet()) {
        json.writeStringField(param.getKey(), String.join(",", param.getValue()));
      }
      json.writeEndObject();
    }
    json.writeObjectFieldStart("requestContext");
    json.writeStringField("accountId", functionUrl ? "anonymous" : "123456789012");
    json.writeStringField("apiId", functionUrl ? "abcdefghijklmnop" : "abc123");
    json.writeStringField("domainName", domain);
    json.writeStringField("domainPrefix", domain.substring(0, domain.indexOf('.')));
    json.writeObjectFieldStart("http");
    json.writeStringField("method", request.method());
    json.writeStringField("path", rawPath);
    json.writeStringField("protocol", "HTTP/1.1");
    json.writeStringField("sourceIp", SOURCE_IP);
    json.writeStringField("userAgent", String.valueOf(request.headers().first("User-Agent")));
    json.writeEndObject();
    json.writeStringField("requestId", UUID.randomUUID().toString());
    json.writeStringField("routeKey", "$default");
    json.writeStringField("stage", stage);
    json.writeNumberField("timeEpoch", System.currentTimeMillis());
    json.writeEndObject();
    writeBody(json, request, binary);
  }

  private static void writeAlb(JsonGenerator json, GatewayRequest request, boolean multiValue, BinaryBodies binary)
      throws IOException {
    json.writeObjectFieldStart("requestContext");
    json.writeObjectFieldStart("elb");
    json.writeStringField("targetGroupArn",
        "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/vial/0123456789abcdef");
    json.writeEndObject();
    json.writeEndObject();
    json.writeStringField("httpMethod", request.method());
    json.writeStringField("path", request.rawPath());
    Map<String, List<String>> query = rawQueryPairs(request.rawQuery());
    Headers headers = withProxyHeaders(request.headers(), "vial-alb-123456789.us-east-1.elb.amazonaws.com", true);
    Map<String, List<String>> lowerHeaders = lowerCased(headers);
    if (multiValue) {
      writeMap(json, "multiValueQueryStringParameters", query, true);
      writeMap(json, "multiValueHeaders", lowerHeaders, true);
    } else {
      writeMap(json, "queryStringParameters", query, false);
      writeMap(json, "headers", lowerHeaders, false);
    }
    writeBody(json, request, binary);
  }

  private static Headers withProxyHeaders(Headers original, String host, boolean lowerCase) {
    Headers headers = original.without("Host");
    headers = headers.plus(lowerCase ? "host" : "Host", host);
    headers = headers.plus(lowerCase ? "x-forwarded-for" : "X-Forwarded-For", SOURCE_IP);
    headers = headers.plus(lowerCase ? "x-forwarded-proto" : "X-Forwarded-Proto", "https");
    headers = headers.plus(lowerCase ? "x-forwarded-port" : "X-Forwarded-Port", "443");
    return headers;
  }

  private static void writeBody(JsonGenerator json, GatewayRequest request, BinaryBodies binary) throws IOException {
    byte[] body = request.body();
    if (body.length == 0) {
      json.writeNullField("body");
      json.writeBooleanField("isBase64Encoded", false);
    } else if (!binary.isBinary(request.headers().first("Content-Type"))) {
      json.writeStringField("body", new String(body, StandardCharsets.UTF_8));
      json.writeBooleanField("isBase64Encoded", false);
    } else {
      json.writeStringField("body", Base64.getEncoder().encodeToString(body));
      json.writeBooleanField("isBase64Encoded", true);
    }
  }

  private static void writeQuery(JsonGenerator json, Map<String, List<String>> query) throws IOException {
    if (query.isEmpty()) {
      json.writeNullField("queryStringParameters");
      json.writeNullField("multiValueQueryStringParameters");
      return;
    }
    writeMap(json, "queryStringParameters", query, false);
    writeMap(json, "multiValueQueryStringParameters", query, true);
  }

  private static void writeLastValues(JsonGenerator json, String field, Headers headers) throws IOException {
    Map<String, List<String>> grouped = grouped(headers);
    writeMap(json, field, grouped, false);
  }

  private static void writeMultiValues(JsonGenerator json, String field, Headers headers) throws IOException {
    writeMap(json, field, grouped(headers), true);
  }

  private static void writeMap(JsonGenerator json, String field, Map<String, List<String>> values, boolean multi)
      throws IOException {
    json.writeObjectFieldStart(field);
    for (Map.Entry<String, List<String>> entry : values.entrySet()) {
      if (multi) {
        json.writeArrayFieldStart(entry.getKey());
        for (String value : entry.getValue()) {
          json.writeString(value);
        }
        json.writeEndArray();
      } else {
        json.writeStringField(entry.getKey(), entry.getValue().get(entry.getValue().size() - 1));
      }
    }
    json.writeEndObject();
  }

  private static Map<String, List<String>> grouped(Headers headers) {
    Map<String, List<String>> grouped = new LinkedHashMap<>();
    Map<String, String> caseOf = new LinkedHashMap<>();
    headers.forEach((name, value) -> {
      String key = caseOf.computeIfAbsent(name.toLowerCase(Locale.ROOT), k -> name);
      grouped.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
    });
    return grouped;
  }

  private static Map<String, List<String>> lowerCased(Headers headers) {
    Map<String, List<String>> lower = new LinkedHashMap<>();
    headers.forEach((name, value) ->
        lower.computeIfAbsent(name.toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(value));
    return lower;
  }

  /** ALB passes query names and values as the client sent them, still encoded. */
  private static Map<String, List<String>> rawQueryPairs(String rawQuery) {
    Map<String, List<String>> pairs = new LinkedHashMap<>();
    if (rawQuery == null || rawQuery.isEmpty()) {
      return pairs;
    }
    for (String pair : rawQuery.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int equals = pair.indexOf('=');
      String name = equals < 0 ? pair : pair.substring(0, equals);
      String value = equals < 0 ? "" : pair.substring(equals + 1);
      pairs.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
    }
    return pairs;
  }

  /** HTTP APIs hand over {@code rawPath} already percent-decoded (an encoded {@code /} included). */
  private static String decodeWholePath(String rawPath) {
    if (rawPath.indexOf('%') < 0) {
      return rawPath;
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    for (int i = 0; i < rawPath.length(); i++) {
      char c = rawPath.charAt(i);
      if (c == '%' && i + 2 < rawPath.length()
          && Character.digit(rawPath.charAt(i + 1), 16) >= 0 && Character.digit(rawPath.charAt(i + 2), 16) >= 0) {
        bytes.write(Integer.parseInt(rawPath.substring(i + 1, i + 3), 16));
        i += 2;
      } else {
        byte[] utf8 = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
        bytes.write(utf8, 0, utf8.length);
      }
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }
}
