package dev.vial.lambda.events;

/** Names inside the ARNs events carry. */
final class Arns {

  private Arns() {}

  /** {@code NAME} in {@code arn:aws:dynamodb:REGION:ACCOUNT:table/NAME/stream/LABEL}; {@code null} if absent. */
  static String tableName(String arn) {
    return segmentAfter(arn, "table/");
  }

  /** The rule name in {@code .../rule/NAME} or {@code .../rule/BUS/NAME}: the last segment. */
  static String ruleName(String arn) {
    return arn != null && arn.contains(":rule/") ? JsonValues.lastPart(arn, '/') : null;
  }

  /** The schedule name in {@code arn:aws:scheduler:REGION:ACCOUNT:schedule/GROUP/NAME}: the last segment. */
  static String scheduleName(String arn) {
    return arn != null && arn.contains(":schedule/") ? JsonValues.lastPart(arn, '/') : null;
  }

  private static String segmentAfter(String arn, String marker) {
    if (arn == null) {
      return null;
    }
    int start = arn.indexOf(marker);
    if (start < 0) {
      return null;
    }
    start += marker.length();
    int end = arn.indexOf('/', start);
    return end < 0 ? arn.substring(start) : arn.substring(start, end);
  }
}
