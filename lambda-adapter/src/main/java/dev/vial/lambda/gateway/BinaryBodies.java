package dev.vial.lambda.gateway;

import dev.vial.http.MediaTypes;
import java.util.List;

/**
 * Which request bodies a service hands to the function base64-encoded ({@code isBase64Encoded: true}).
 * HTTP APIs, ALBs and Function URLs decide by content ({@link #nonTextual()}); a REST API decides by its
 * configured binary media types ({@link #mediaTypes(List)}).
 */
@FunctionalInterface
public interface BinaryBodies {

  /** Whether a body with this {@code Content-Type} (possibly {@code null}) is sent base64-encoded. */
  boolean isBinary(String contentType);

  /** Every body whose type is not text ({@link MediaTypes#isTextual}), a missing type included. */
  static BinaryBodies nonTextual() {
    return contentType -> !MediaTypes.isTextual(contentType);
  }

  /**
   * A REST API's rule: a body is binary when its {@code Content-Type} matches one of {@code patterns}
   * ({@code image/png}, {@code image/*}, {@code *}{@code /*}); a body without a type matches only
   * {@code *}{@code /*}. Everything else is passed as UTF-8 text.
   */
  static BinaryBodies mediaTypes(List<String> patterns) {
    List<String> copy = List.copyOf(patterns);
    return contentType -> {
      String type = MediaTypes.essence(contentType);
      for (String pattern : copy) {
        String p = MediaTypes.essence(pattern);
        if (p.equals("*/*")
            || (!type.isEmpty() && (p.equals(type)
                || (p.endsWith("/*") && type.startsWith(p.substring(0, p.length() - 1)))))) {
          return true;
        }
      }
      return false;
    };
  }
}
