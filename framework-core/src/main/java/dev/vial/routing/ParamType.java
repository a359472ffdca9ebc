package dev.vial.routing;

import java.util.UUID;

/**
 * The types a path parameter can declare ({@code {id:int}}), in routing precedence order: when several
 * parameter types could take the same segment, the earlier one is tried first. Checks are hand-written
 * scans (no regex) so matching allocates nothing.
 */
public enum ParamType {
  /** {@code {id:int}}: a 32-bit signed decimal integer. */
  INT("int"),
  /** {@code {id:long}}: a 64-bit signed decimal integer. */
  LONG("long"),
  /** {@code {id:uuid}}: a UUID in its 36-character hyphenated form. */
  UUID("uuid"),
  /** {@code {name}}: any non-empty segment. */
  STRING("string"),
  /** {@code {rest:path}}: the rest of the path, slashes included; only as the last segment. */
  PATH("path");

  private final String label;

  ParamType(String label) {
    this.label = label;
  }

  /** The name used in templates ({@code int}, {@code long}, ...). */
  public String label() {
    return label;
  }

  /** The type for a template label, e.g. {@code "int"}. */
  public static ParamType forLabel(String label) {
    for (ParamType type : values()) {
      if (type.label.equals(label)) {
        return type;
      }
    }
    throw new IllegalArgumentException("Unknown path parameter type '" + label
        + "' (known: int, long, uuid, string, path)");
  }

  /** Whether the decoded segment {@code value} converts to this type. */
  public boolean accepts(String value) {
    // if, not an enum switch: a switch on an enum compiles to an extra switch-map class to load
    if (this == INT) {
      return isInteger(value, 10) && fits(value, Integer.MIN_VALUE, Integer.MAX_VALUE);
    }
    if (this == LONG) {
      return isInteger(value, 19) && fitsLong(value);
    }
    if (this == UUID) {
      return isUuid(value);
    }
    return !value.isEmpty();
  }

  private static boolean isInteger(String value, int maxDigits) {
    int start = value.startsWith("-") ? 1 : 0;
    int digits = value.length() - start;
    if (digits < 1 || digits > maxDigits) {
      return false;
    }
    for (int i = start; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  private static boolean fits(String value, long min, long max) {
    long parsed = Long.parseLong(value);
    return parsed >= min && parsed <= max;
  }

  private static boolean fitsLong(String value) {
    try {
      Long.parseLong(value);
      return true;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private static boolean isUuid(String value) {
    if (value.length() != 36) {
      return false;
    }
    for (int i = 0; i < 36; i++) {
      char c = value.charAt(i);
      boolean dash = i == 8 || i == 13 || i == 18 || i == 23;
      if (dash ? c != '-' : Character.digit(c, 16) < 0 || c > 0x7f) {
        return false;
      }
    }
    return true;
  }
}
