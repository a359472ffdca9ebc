package dev.vial.http;

import java.util.Locale;

/** Content-type constants and checks shared by the core and the front doors. */
public final class MediaTypes {

  /** {@code text/plain; charset=utf-8}. */
  public static final String TEXT_PLAIN = "text/plain; charset=utf-8";
  /** {@code text/html; charset=utf-8}. */
  public static final String TEXT_HTML = "text/html; charset=utf-8";
  /** {@code application/json} (JSON is UTF-8 by definition, RFC 8259, so no charset parameter). */
  public static final String JSON = "application/json";
  /** {@code application/octet-stream}. */
  public static final String OCTET_STREAM = "application/octet-stream";
  /** {@code application/x-www-form-urlencoded}. */
  public static final String FORM = "application/x-www-form-urlencoded";

  private MediaTypes() {}

  /** The media type without parameters, lower-cased: {@code "Text/HTML; charset=x"} → {@code "text/html"}. */
  public static String essence(String contentType) {
    if (contentType == null) {
      return "";
    }
    int semicolon = contentType.indexOf(';');
    String type = semicolon < 0 ? contentType : contentType.substring(0, semicolon);
    return type.trim().toLowerCase(Locale.ROOT);
  }

  /**
   * Whether bodies of this type are text: {@code text/*}, JSON, XML, JavaScript, forms and the
   * {@code +json} / {@code +xml} suffixes. Everything else (and a missing type) counts as binary.
   */
  public static boolean isTextual(String contentType) {
    String type = essence(contentType);
    return type.startsWith("text/")
        || type.equals("application/json")
        || type.equals("application/xml")
        || type.equals("application/javascript")
        || type.equals("application/ecmascript")
        || type.equals("application/x-www-form-urlencoded")
        || type.equals("application/graphql")
        || type.equals("image/svg+xml")
        || type.endsWith("+json")
        || type.endsWith("+xml");
  }
}
