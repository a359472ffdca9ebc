package dev.vial.multipart;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A header value of the form {@code type; name=value; name="quoted value"} (Content-Type,
 * Content-Disposition), parsed by hand in one pass. Parameter names are lower-cased; the first
 * occurrence of a name wins.
 *
 * @param type the value before the first {@code ;}, trimmed and lower-cased
 * @param params parameter name (lower case) → value, quotes and escapes removed
 */
record HeaderParameters(String type, Map<String, String> params) {

  /**
   * Parses {@code value}. Inside a quoted string, {@code \"} and {@code \\} are escapes; any other
   * backslash is kept, because browsers send file names with backslashes unescaped.
   *
   * @throws IllegalArgumentException naming what is malformed
   */
  static HeaderParameters parse(String value) {
    int semicolon = value.indexOf(';');
    String type = (semicolon < 0 ? value : value.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
    Map<String, String> params = new LinkedHashMap<>();
    int i = semicolon < 0 ? value.length() : semicolon + 1;
    int length = value.length();
    while (i < length) {
      i = skipSpaces(value, i);
      if (i == length) {
        break;
      }
      if (value.charAt(i) == ';') {
        i++;
        continue;
      }
      int nameStart = i;
      while (i < length && value.charAt(i) != '=' && value.charAt(i) != ';') {
        i++;
      }
      String name = value.substring(nameStart, i).trim().toLowerCase(Locale.ROOT);
      if (i == length || value.charAt(i) == ';' || name.isEmpty() || !isToken(name)) {
        throw new IllegalArgumentException("parameter '" + shorten(value.substring(nameStart, i).trim())
            + "' is not of the form name=value");
      }
      i = skipSpaces(value, i + 1);
      String paramValue;
      if (i < length && value.charAt(i) == '"') {
        StringBuilder text = new StringBuilder();
        i++;
        boolean closed = false;
        while (i < length) {
          char c = value.charAt(i);
          if (c == '"') {
            closed = true;
            i++;
            break;
          }
          if (c == '\\' && i + 1 < length && (value.charAt(i + 1) == '"' || value.charAt(i + 1) == '\\')) {
            text.append(value.charAt(i + 1));
            i += 2;
          } else {
            text.append(c);
            i++;
          }
        }
        if (!closed) {
          throw new IllegalArgumentException("parameter '" + name + "' has an unterminated quoted string");
        }
        i = skipSpaces(value, i);
        if (i < length && value.charAt(i) != ';') {
          throw new IllegalArgumentException("parameter '" + name + "' has text after its closing quote");
        }
        paramValue = text.toString();
      } else {
        int valueStart = i;
        while (i < length && value.charAt(i) != ';') {
          if (value.charAt(i) == '"') {
            throw new IllegalArgumentException("parameter '" + name + "' has a stray quote");
          }
          i++;
        }
        paramValue = value.substring(valueStart, i).trim();
      }
      params.putIfAbsent(name, paramValue);
    }
    return new HeaderParameters(type, params);
  }

  /** The parameter {@code name} (lower case), or {@code null}. */
  String param(String name) {
    return params.get(name);
  }

  /**
   * Decodes an RFC 8187 extended value ({@code UTF-8''%e2%82%ac%20rates.txt}): charset UTF-8 or
   * ISO-8859-1, an optional language, then attr-chars and percent-escapes.
   *
   * @throws IllegalArgumentException when it is not such a value
   */
  static String decodeExtValue(String value) {
    int first = value.indexOf('\'');
    int second = first < 0 ? -1 : value.indexOf('\'', first + 1);
    if (second < 0) {
      throw new IllegalArgumentException("is not charset'language'value");
    }
    String charsetName = value.substring(0, first);
    Charset charset;
    if (charsetName.equalsIgnoreCase("UTF-8")) {
      charset = StandardCharsets.UTF_8;
    } else if (charsetName.equalsIgnoreCase("ISO-8859-1")) {
      charset = StandardCharsets.ISO_8859_1;
    } else {
      throw new IllegalArgumentException("has charset '" + shorten(charsetName) + "' (UTF-8 or ISO-8859-1 expected)");
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(value.length() - second);
    for (int i = second + 1; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '%') {
        int high = i + 1 < value.length() ? Character.digit(value.charAt(i + 1), 16) : -1;
        int low = i + 2 < value.length() ? Character.digit(value.charAt(i + 2), 16) : -1;
        if (high < 0 || low < 0) {
          throw new IllegalArgumentException("has a malformed percent-escape");
        }
        bytes.write(high << 4 | low);
        i += 2;
      } else if (isAttrChar(c)) {
        bytes.write(c);
      } else {
        throw new IllegalArgumentException("has the character '" + (c < 0x20 || c > 0x7e ? String.format("U+%04X", (int) c) : String.valueOf(c))
            + "', which must be percent-encoded");
      }
    }
    byte[] raw = bytes.toByteArray();
    if (charset == StandardCharsets.UTF_8) {
      String text = dev.vial.http.Utf8.decodeOrNull(raw);
      if (text == null) {
        throw new IllegalArgumentException("is not valid UTF-8");
      }
      return text;
    }
    return new String(raw, charset);
  }

  private static boolean isAttrChar(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "!#$&+-.^_`|~".indexOf(c) >= 0;
  }

  private static boolean isToken(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c <= 0x20 || c >= 0x7f || "()<>@,;:\\\"/[]?={}".indexOf(c) >= 0) {
        return false;
      }
    }
    return true;
  }

  private static int skipSpaces(String value, int i) {
    while (i < value.length() && (value.charAt(i) == ' ' || value.charAt(i) == '\t')) {
      i++;
    }
    return i;
  }

  static String shorten(String text) {
    return text.length() > 40 ? text.substring(0, 40) + "..." : text;
  }
}
