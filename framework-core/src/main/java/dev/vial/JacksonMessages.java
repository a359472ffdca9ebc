package dev.vial;

/**
 * Shortens the Java type names Jackson quotes in its messages ({@code `com.acme.api.Order$Item`}
 * becomes {@code `Item`}), so a 400 tells the client what was expected without naming the server's
 * classes and packages.
 */
final class JacksonMessages {

  private JacksonMessages() {}

  /** {@code message} with every back-quoted qualified name cut to its simple name; {@code null} stays {@code null}. */
  static String withSimpleTypeNames(String message) {
    if (message == null || message.indexOf('`') < 0) {
      return message;
    }
    StringBuilder out = new StringBuilder(message.length());
    boolean quoted = false;
    int i = 0;
    while (i < message.length()) {
      char c = message.charAt(i);
      if (c == '`') {
        quoted = !quoted;
        out.append(c);
        i++;
      } else if (quoted && isNamePart(c)) {
        int end = i;
        int simpleStart = i;
        while (end < message.length() && isNamePart(message.charAt(end))) {
          char part = message.charAt(end);
          end++;
          if (part == '.' || part == '$') {
            simpleStart = end;
          }
        }
        out.append(message, simpleStart == end ? i : simpleStart, end);
        i = end;
      } else {
        out.append(c);
        i++;
      }
    }
    return out.toString();
  }

  private static boolean isNamePart(char c) {
    return Character.isJavaIdentifierPart(c) || c == '.';
  }
}
