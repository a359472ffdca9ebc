package dev.vial.lambda.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vial.Headers;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/**
 * Reads a function's proxy response (the envelope) the way each AWS service does, into the HTTP
 * response the service sends its client. The test kit's Lambda transports and the local gateway
 * emulation both use it.
 */
public final class GatewayEnvelopes {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private GatewayEnvelopes() {}

  /**
   * The HTTP response {@code kind} sends its client for the function's proxy response {@code envelope},
   * to a request with {@code method}: status, headers (merged from {@code headers} and
   * {@code multiValueHeaders}, or from the one the kind uses, plus {@code cookies} as {@code Set-Cookie}),
   * the body base64-decoded, a {@code Content-Length} as the service frames it, no body for {@code HEAD}.
   *
   * @throws MalformedEnvelopeException when the envelope is not one the service accepts (the service
   *     answers 502)
   */
  public static GatewayResponse read(byte[] envelope, GatewayKind kind, String method) {
    JsonNode root;
    try {
      root = MAPPER.readTree(envelope);
    } catch (IOException e) {
      throw new MalformedEnvelopeException("The handler wrote a response that is not JSON: "
          + abbreviated(new String(envelope, StandardCharsets.UTF_8)), e);
    }
    if (root == null || !root.isObject() || !root.path("statusCode").isInt()) {
      throw new MalformedEnvelopeException("The handler wrote a proxy response without an integer statusCode: "
          + abbreviated(String.valueOf(root)));
    }
    int status = root.get("statusCode").intValue();
    Headers.Builder headers = Headers.builder();
    switch (kind) {
      case REST, HTTP_API_V1 -> readMergedHeaders(root, headers);
      case HTTP_API, FUNCTION_URL -> {
        readSingleHeaders(root.path("headers"), headers, null);
        for (JsonNode cookie : root.path("cookies")) {
          headers.add("Set-Cookie", cookie.asText());
        }
      }
      case ALB -> {
        requireField(root, "statusDescription", kind);
        if (root.has("multiValueHeaders")) {
          throw new MalformedEnvelopeException("ALB in single-value mode must answer with 'headers', got multiValueHeaders");
        }
        readSingleHeaders(root.path("headers"), headers, null);
      }
      case ALB_MULTI_VALUE -> {
        requireField(root, "statusDescription", kind);
        if (root.has("headers") && !root.get("headers").isNull()) {
          throw new MalformedEnvelopeException("ALB in multi-value mode must answer with 'multiValueHeaders', got headers");
        }
        readMultiHeaders(root.path("multiValueHeaders"), headers);
      }
      default -> throw new IllegalArgumentException(kind + " is not supported");
    }
    byte[] body = new byte[0];
    JsonNode bodyNode = root.path("body");
    if (bodyNode.isTextual()) {
      try {
        body = root.path("isBase64Encoded").asBoolean(false)
            ? Base64.getDecoder().decode(bodyNode.asText())
            : bodyNode.asText().getBytes(StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        throw new MalformedEnvelopeException("The body is marked isBase64Encoded but is not base64", e);
      }
    }
    Headers built = headers.build();
    boolean head = method.equals("HEAD");
    if (head) {
      body = new byte[0];
    } else if (!built.contains("Content-Length") && status != 204 && status != 304) {
      // The service frames the HTTP response and adds the length, as a server would.
      built = built.plus("Content-Length", Integer.toString(body.length));
    }
    return new GatewayResponse(status, built, body);
  }

  private static void readMergedHeaders(JsonNode root, Headers.Builder headers) {
    JsonNode multi = root.path("multiValueHeaders");
    readMultiHeaders(multi, headers);
    readSingleHeaders(root.path("headers"), headers, multi);
  }

  private static void readSingleHeaders(JsonNode node, Headers.Builder headers, JsonNode skipNamesIn) {
    for (Map.Entry<String, JsonNode> field : node.properties()) {
      if (skipNamesIn == null || !hasFieldIgnoringCase(skipNamesIn, field.getKey())) {
        headers.add(field.getKey(), field.getValue().asText());
      }
    }
  }

  private static void readMultiHeaders(JsonNode node, Headers.Builder headers) {
    for (Map.Entry<String, JsonNode> field : node.properties()) {
      for (JsonNode value : field.getValue()) {
        headers.add(field.getKey(), value.asText());
      }
    }
  }

  private static boolean hasFieldIgnoringCase(JsonNode node, String name) {
    var names = node.fieldNames();
    while (names.hasNext()) {
      if (names.next().equalsIgnoreCase(name)) {
        return true;
      }
    }
    return false;
  }

  private static void requireField(JsonNode root, String field, GatewayKind kind) {
    if (!root.path(field).isTextual()) {
      throw new MalformedEnvelopeException(kind + " response lacks '" + field + "': " + abbreviated(root.toString()));
    }
  }

  private static String abbreviated(String text) {
    return text.length() <= 200 ? text : text.substring(0, 200) + "...";
  }
}
