package dev.vial.lambda;

import java.util.List;
import java.util.Map;

/**
 * A proxy response envelope before serialisation, in the shape of one event source. A {@code null}
 * field is left out of the JSON.
 */
record ProxyResponse(
    int statusCode,
    String statusDescription,
    Map<String, String> headers,
    Map<String, List<String>> multiValueHeaders,
    List<String> cookies,
    String body,
    boolean isBase64Encoded) {}
